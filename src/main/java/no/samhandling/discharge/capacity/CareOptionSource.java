package no.samhandling.discharge.capacity;

import com.fasterxml.jackson.annotation.JsonValue;
import no.samhandling.discharge.codes.Coded;

/** Where a place offered by matching comes from. */
public enum CareOptionSource implements Coded {
    /** The paying municipality's published receiving capacity (mottakskapasitet). */
    RECEIVING_CAPACITY("receiving-capacity"),
    /** A bed of a pool the municipality takes part in (sengepool). */
    BED_POOL("bed-pool");

    private final String code;

    CareOptionSource(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }
}
