package no.samhandling.discharge.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Makes a retried POST harmless: with an {@code Idempotency-Key}, the first answer is stored in the same
 * transaction as the change, and a retry with the same key and body gets that answer again, with no
 * second effect. The same key with another body is refused.
 *
 * <p>A key is scoped by who sends it (the token's user and tenant claims), the method and the path: the
 * same key sent to another stay's endpoint, or by a user of the same name at another hospital or
 * municipality, is another request, never answered with the first one. The stored hash covers the scope
 * as well as the body.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    /** What a command answers: status, body and, for a creation, the new resource's address. */
    public record Answer(int status, Object body, URI location) {
    }

    /**
     * Who sends a key: the token's user and tenant (e.g. {@code hospital=983974899}, empty for callers who
     * act for all tenants). The method and path are taken from the request being served.
     */
    public record Sender(String principal, String tenant) {
        public Sender {
            tenant = tenant == null ? "" : tenant;
        }
    }

    private final ObjectMapper json;
    private final Clock clock;
    private final UriInfo uri;
    private final Request httpRequest;

    Idempotency(ObjectMapper json, Clock clock, UriInfo uri, Request httpRequest) {
        this.json = json;
        this.clock = clock;
        this.uri = uri;
        this.httpRequest = httpRequest;
    }

    /**
     * As {@link #once}, for a command whose second run without a key would do lasting harm (a batch of stays loaded
     * twice): a request without a key is refused, naming the header.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response required(Sender caller, String key, Object request, Supplier<Answer> command) {
        if (key == null || key.isBlank()) {
            throw ProblemException.invalid(List.of(new Problem.FieldError(HEADER,
                    "is required here: send any unique value per request (e.g. a UUID), and the same value when you send it again")));
        }
        return once(caller, key, request, command);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Response once(Sender caller, String key, Object request, Supplier<Answer> command) {
        if (key == null || key.isBlank()) {
            return toResponse(command.get());
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(List.of(new Problem.FieldError(HEADER, "must be at most " + MAX_KEY_LENGTH + " characters")));
        }
        String method = httpRequest.getMethod();
        String path = uri.getRequestUri().getRawPath();
        String requestHash = hash(String.join("\n", caller.principal(), caller.tenant(), method, path, write(request)));
        IdempotencyRecord.Key id = new IdempotencyRecord.Key();
        id.principal = caller.principal();
        id.tenant = caller.tenant();
        id.method = method;
        id.path = path;
        id.idempotencyKey = key;
        IdempotencyRecord earlier = IdempotencyRecord.findById(id);
        if (earlier != null) {
            if (!earlier.requestHash.equals(requestHash)) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
            }
            Response.ResponseBuilder replay = Response.status(earlier.responseStatus)
                    .entity(earlier.responseBody).type(MediaType.APPLICATION_JSON);
            if (earlier.location != null) {
                replay.location(URI.create(earlier.location));
            }
            return replay.header("Idempotent-Replayed", "true").build();
        }
        Answer answer = command.get();
        IdempotencyRecord record = new IdempotencyRecord();
        record.principal = caller.principal();
        record.tenant = caller.tenant();
        record.method = method;
        record.path = path;
        record.idempotencyKey = key;
        record.requestHash = requestHash;
        record.responseStatus = answer.status();
        record.responseBody = write(answer.body());
        record.location = answer.location() == null ? null : answer.location().toString();
        record.createdAt = clock.instant();
        record.persist();
        return Response.status(answer.status()).entity(record.responseBody).type(MediaType.APPLICATION_JSON)
                .location(answer.location()).build();
    }

    private static Response toResponse(Answer answer) {
        return Response.status(answer.status()).entity(answer.body()).type(MediaType.APPLICATION_JSON)
                .location(answer.location()).build();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
