package no.samhandling.discharge.stay;

import java.util.List;

/**
 * A stay's rules refuse a request: the domain error every stay use case raises. Plain Java; each edge
 * translates it for its callers: REST into problem details ({@link StayExceptionMapper}), messages into
 * a refusal with an OperationOutcome ({@link StayMessageHandling#refusal}).
 */
public final class StayException extends RuntimeException {

    /** What kind of refusal, which each edge maps to its own vocabulary. */
    public enum Kind {
        /** The request's fields break a rule; {@link #fields()} says which and why. */
        INVALID,
        /** No such stay or event visible to the caller (another tenant's is answered alike). */
        NOT_FOUND,
        /** The caller's role or tenant may not do this. */
        FORBIDDEN,
        /** The history with this event would be impossible (the state machine refuses it). */
        IMPOSSIBLE_TRANSITION
    }

    /** A field of the request and what is wrong with it. */
    public record Field(String field, String message) {
    }

    private final Kind kind;
    private final List<Field> fields;

    public StayException(Kind kind, String detail) {
        this(kind, detail, List.of());
    }

    private StayException(Kind kind, String detail, List<Field> fields) {
        super(detail, null, false, false);
        this.kind = kind;
        this.fields = List.copyOf(fields);
    }

    public static StayException invalid(List<Field> fields) {
        return new StayException(Kind.INVALID, "Correct the fields listed in errors and send the request again.", fields);
    }

    public static StayException invalid(String field, String message) {
        return invalid(List.of(new Field(field, message)));
    }

    public static StayException notFound(String detail) {
        return new StayException(Kind.NOT_FOUND, detail);
    }

    public static StayException forbidden(String detail) {
        return new StayException(Kind.FORBIDDEN, detail);
    }

    public Kind kind() {
        return kind;
    }

    public List<Field> fields() {
        return fields;
    }
}
