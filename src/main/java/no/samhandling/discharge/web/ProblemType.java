package no.samhandling.discharge.web;

import jakarta.ws.rs.core.Response.Status;

import java.net.URI;

/**
 * Every kind of error the API answers, each with a stable RFC 9457 {@code type} URI. The URIs are
 * relative to the service ({@code /problems/...}) and documented in openapi/openapi.yaml.
 */
public enum ProblemType {
    NOT_FOUND("not-found", Status.NOT_FOUND, "Not found"),
    VALIDATION_FAILED("validation-failed", Status.BAD_REQUEST, "The request has invalid fields"),
    MALFORMED_REQUEST("malformed-request", Status.BAD_REQUEST, "The request could not be read"),
    UNAUTHENTICATED("unauthenticated", Status.UNAUTHORIZED, "Login required"),
    FORBIDDEN("forbidden", Status.FORBIDDEN, "Not allowed for your role"),
    CONFLICT("conflict", Status.CONFLICT, "The request conflicts with the current state"),
    CONCURRENT_UPDATE("concurrent-update", Status.CONFLICT, "Someone else changed this in the meantime"),
    IMPOSSIBLE_TRANSITION("impossible-transition", Status.CONFLICT, "This cannot happen in the stay's current state"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", Status.CONFLICT, "Idempotency-Key used for another request"),
    METHOD_NOT_ALLOWED("method-not-allowed", Status.METHOD_NOT_ALLOWED, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", Status.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type"),
    NOT_ACCEPTABLE("not-acceptable", Status.NOT_ACCEPTABLE, "No acceptable representation"),
    DATABASE_UNAVAILABLE("database-unavailable", Status.SERVICE_UNAVAILABLE, "The database is not reachable just now"),
    INTERNAL_ERROR("internal-error", Status.INTERNAL_SERVER_ERROR, "Internal error");

    private final URI type;
    private final Status status;
    private final String title;

    ProblemType(String slug, Status status, String title) {
        this.type = URI.create("/problems/" + slug);
        this.status = status;
        this.title = title;
    }

    public URI type() {
        return type;
    }

    public Status status() {
        return status;
    }

    public String title() {
        return title;
    }
}
