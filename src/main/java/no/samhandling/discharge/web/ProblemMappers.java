package no.samhandling.discharge.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.samhandling.discharge.database.DatabaseFailures;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Turns every failure into an RFC 9457 problem; never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem(e.type().type(), e.type().title(), e.type().status().getStatusCode(),
                e.getMessage(), instance(uri), e.errors()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return respond(Problem.invalid(Problem.CORRECT_THE_FIELDS, instance(uri), errors));
    }

    @ServerExceptionMapper({InvalidFormatException.class, MismatchedInputException.class})
    public Response unreadableField(MismatchedInputException e, UriInfo uri) {
        String expected = e.getTargetType() == null ? "a different value" : expectedValue(e.getTargetType());
        return respond(Problem.invalid(Problem.CORRECT_THE_FIELDS, instance(uri),
                List.of(new Problem.FieldError(StrictJson.fieldPath(e), "expected " + expected))));
    }

    @ServerExceptionMapper
    public Response nulInText(StrictJson.NulInText e, UriInfo uri) {
        return respond(Problem.invalid(Problem.CORRECT_THE_FIELDS, instance(uri),
                List.of(new Problem.FieldError(StrictJson.fieldPath(e), StrictJson.NulInText.MESSAGE))));
    }

    /** A field the request does not have, e.g. a misspelt {@code declaredat}: never silently ignored. */
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                .collect(Collectors.joining(", ", "; the fields are: ", ""));
        return respond(Problem.invalid(Problem.CORRECT_THE_FIELDS, instance(uri),
                List.of(new Problem.FieldError(StrictJson.fieldPath(e), "is not a field of this request" + known))));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.MALFORMED_REQUEST,
                "The body is not valid JSON: " + e.getOriginalMessage(), instance(uri)));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class,
            org.hibernate.exception.ConstraintViolationException.class})
    public Response concurrentUpdate(RuntimeException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.CONCURRENT_UPDATE,
                "Someone else changed this while you were working on it. Fetch it again and repeat your change.", instance(uri)));
    }

    /** A unique key taken by a concurrent transaction (e.g. two events appended to one stay at once). */
    @ServerExceptionMapper
    public Response persistence(jakarta.persistence.PersistenceException e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException
                    || cause instanceof StaleStateException || cause instanceof OptimisticLockException) {
                return concurrentUpdate(e, uri);
            }
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(ProblemType.UNAUTHENTICATED,
                        "Send a valid bearer token in the Authorization header.", instance(uri))))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your role does not give access to this.", instance(uri)));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        if (e.getCause() instanceof ProblemException unreadableQueryParameter) {
            // JAX-RS wraps a query parameter's conversion failure in a 404; QueryParameters says which and why.
            return problem(unreadableQueryParameter, uri);
        }
        return respond(Problem.of(ProblemType.NOT_FOUND, "There is nothing at this address.", instance(uri)));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.METHOD_NOT_ALLOWED, "This address does not accept that method.", instance(uri)));
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.", instance(uri)));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.NOT_ACCEPTABLE, "This address answers application/json.", instance(uri)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        ProblemType type = status >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.MALFORMED_REQUEST;
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return respond(new Problem(type.type(), type.title(), status, e.getMessage(), instance(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // Lost during COMMIT, the outcome is unknown to us: only a retry with the same Idempotency-Key (recorded in the
        // transaction of the change) is safe.
        if (DatabaseFailures.unreachable(e)) {
            LOG.warnf("Database unreachable: %s", e.toString());
            return Response.fromResponse(respond(Problem.of(ProblemType.DATABASE_UNAVAILABLE,
                    "The connection to the database was lost: this request may or may not have been stored. Send it again in a "
                            + "little while with the same Idempotency-Key: it is then done once, or its first answer is repeated.",
                    instance(uri))))
                    .header("Retry-After", "30").build();
        }
        if (DatabaseFailures.hasState(e, "22021")) {
            // A NUL character PostgreSQL cannot take in text, come by a way StrictJson does not read (a query parameter).
            return respond(Problem.of(ProblemType.MALFORMED_REQUEST, "A text of this request contains the NUL character (\\u0000), "
                    + "which cannot be stored or searched for. Remove it and send the request again.", instance(uri)));
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return respond(Problem.of(ProblemType.INTERNAL_ERROR,
                "Something went wrong on our side. Quote incident " + incident + " if you contact support.", instance(uri)));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static URI instance(UriInfo uri) {
        return URI.create(uri.getRequestUri().getRawPath());
    }

    /** The property path without the method and parameter prefix, e.g. {@code change.nokPerDay} → {@code nokPerDay}. */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<String> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .map(node -> node.getName() == null ? "" : node.getName())
                .toList();
        return nodes.size() > 2 ? String.join(".", nodes.subList(2, nodes.size()))
                : nodes.isEmpty() ? "(request)" : nodes.getLast();
    }


    private static String expectedValue(Class<?> type) {
        if (type == Instant.class) {
            return StrictJson.MOMENT;
        }
        if (type == LocalDate.class) {
            return StrictJson.DATE;
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a value of type number";
        }
        return "a value of type " + type.getSimpleName();
    }
}
