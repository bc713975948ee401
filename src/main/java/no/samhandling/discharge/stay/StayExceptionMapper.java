package no.samhandling.discharge.stay;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.samhandling.discharge.web.Problem;
import no.samhandling.discharge.web.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/** The REST edge of the stay rules: a {@link StayException} becomes RFC 9457 problem details. */
public class StayExceptionMapper {

    @ServerExceptionMapper
    public Response stayRefused(StayException e, UriInfo uri) {
        ProblemType type = switch (e.kind()) {
            case INVALID -> ProblemType.VALIDATION_FAILED;
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case FORBIDDEN -> ProblemType.FORBIDDEN;
            case IMPOSSIBLE_TRANSITION -> ProblemType.IMPOSSIBLE_TRANSITION;
        };
        Problem problem = new Problem(type.type(), type.title(), type.status().getStatusCode(), e.getMessage(),
                URI.create(uri.getRequestUri().getRawPath()),
                e.fields().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
