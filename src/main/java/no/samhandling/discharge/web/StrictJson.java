package no.samhandling.discharge.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads JSON as the contract writes it, and nothing else: a field the request type does not have is an
 * error (a misspelt {@code declaredat} must not silently mean "now"), and a moment or a date is an ISO-8601
 * string, never a number (Jackson would read {@code 1700000000} as epoch seconds, or as a day count). A text
 * with the NUL character (U+0000) is refused where it is read, naming its field: PostgreSQL cannot store it in
 * text, and would refuse it only at the write, unlocated (SQLSTATE 22021).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** What a moment looks like, as {@link ProblemMappers} tells the caller. */
    public static final String MOMENT = "a date-time with offset (ISO 8601, e.g. 2026-03-02T08:30:00+01:00)";
    /** What a calendar date looks like. */
    public static final String DATE = "a date (ISO 8601, e.g. 2026-03-02)";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        SimpleModule onlyText = new SimpleModule("strict-java-time");
        onlyText.addDeserializer(Instant.class, new TextOnly<>(Instant.class, InstantDeserializer.INSTANT, MOMENT));
        onlyText.addDeserializer(LocalDate.class, new TextOnly<>(LocalDate.class, LocalDateDeserializer.INSTANCE, DATE));
        onlyText.addDeserializer(String.class, new WithoutNul());
        mapper.registerModule(onlyText);
    }

    @Override
    public int priority() {
        // After Quarkus's own customizer, which registers the JavaTimeModule this one overrides for two types.
        return MINIMUM_PRIORITY;
    }

    /** The place of the value in the request, e.g. {@code stays[1].registration.ward}. */
    public static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("(body)");
    }

    /** A text with the NUL character in it. */
    public static final class NulInText extends InvalidFormatException {
        public static final String MESSAGE = "must not contain the NUL character (\\u0000)";

        NulInText(JsonParser parser, String value) {
            super(parser, MESSAGE, value, String.class);
        }
    }

    /** Reads a string as Jackson does, and refuses one with the NUL character. */
    private static final class WithoutNul extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new NulInText(parser, value);
            }
            return value;
        }

        @Override
        public Class<?> handledType() {
            return String.class;
        }
    }

    /** Accepts a JSON string only, and reads it with Jackson's own deserializer of the type. */
    private static final class TextOnly<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final JsonDeserializer<? extends T> text;
        private final String expected;

        TextOnly(Class<T> type, JsonDeserializer<? extends T> text, String expected) {
            this.type = type;
            this.text = text;
            this.expected = expected;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return type.cast(context.handleUnexpectedToken(type, parser.currentToken(), parser, "expected %s", expected));
            }
            return text.deserialize(parser, context);
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }
}
