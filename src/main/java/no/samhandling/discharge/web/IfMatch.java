package no.samhandling.discharge.web;

import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the optimistic-lock version a client sends in {@code If-Match} (the {@code version} it last
 * read, quoted as an ETag or bare). Absent means "no check".
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static OptionalLong version(String header) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("If-Match", "must be the version you last read, e.g. \"3\"")));
        }
    }
}
