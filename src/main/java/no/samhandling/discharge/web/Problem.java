package no.samhandling.discharge.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
@Schema(name = "Problem", description = "RFC 9457 problem details. `type` identifies the kind of error; `detail` says what to do.")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(description = "Stable identifier of the kind of error", example = "/problems/not-found") URI type,
        @Schema(description = "Short summary of the kind of error", example = "Not found") String title,
        @Schema(description = "HTTP status code", example = "404") int status,
        @Schema(description = "What went wrong in this case, and what to do about it") String detail,
        @Schema(description = "The request path", example = "/municipalities/9999") URI instance,
        @Schema(description = "One entry per invalid field (validation errors only)") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The detail of every validation problem: the fields and what is wrong are in {@code errors}. */
    public static final String CORRECT_THE_FIELDS = "Correct the fields listed in errors and send the request again.";

    @Schema(name = "FieldError", description = "An invalid field and why")
    public record FieldError(
            @Schema(description = "The field, as a path into the request", example = "nokPerDay") String field,
            @Schema(description = "What is wrong with it", example = "must be greater than 0") String message) {
    }

    public static Problem of(ProblemType type, String detail, URI instance) {
        return new Problem(type.type(), type.title(), type.status().getStatusCode(), detail, instance, List.of());
    }

    public static Problem invalid(String detail, URI instance, List<FieldError> errors) {
        ProblemType type = ProblemType.VALIDATION_FAILED;
        return new Problem(type.type(), type.title(), type.status().getStatusCode(), detail, instance, errors);
    }
}
