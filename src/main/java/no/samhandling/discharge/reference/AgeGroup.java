package no.samhandling.discharge.reference;

import java.util.Arrays;
import java.util.Optional;

/** The age groups of the population figures (SSB table 07459, grouped as in the reference data). */
public enum AgeGroup {
    AGE_0_17("0-17"),
    AGE_18_29("18-29"),
    AGE_30_49("30-49"),
    AGE_50_66("50-66"),
    AGE_67_79("67-79"),
    AGE_80_89("80-89"),
    AGE_90_PLUS("90+");

    private final String label;

    AgeGroup(String label) {
        this.label = label;
    }

    /** The label used in JSON and in the database, e.g. {@code 67-79}. */
    public String label() {
        return label;
    }

    public static Optional<AgeGroup> fromLabel(String label) {
        return Arrays.stream(values()).filter(group -> group.label.equals(label)).findFirst();
    }
}
