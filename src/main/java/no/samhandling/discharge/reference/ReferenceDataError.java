package no.samhandling.discharge.reference;

import java.util.List;

/** A field of an administrator's change that the reference-data rules refuse, and why. */
public record ReferenceDataError(String field, String message) {

    static final int SOURCE_MAX_LENGTH = 300;

    /** Every entered figure names where it comes from, so a board can trace it. */
    static void checkSource(String source, List<ReferenceDataError> errors) {
        if (source == null || source.isBlank()) {
            errors.add(new ReferenceDataError("source", "is required: say where the figure is published"));
        } else if (source.length() > SOURCE_MAX_LENGTH) {
            errors.add(new ReferenceDataError("source", "must be at most " + SOURCE_MAX_LENGTH + " characters"));
        }
    }
}
