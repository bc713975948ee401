package no.samhandling.discharge.capacity;

import com.fasterxml.jackson.annotation.JsonValue;
import no.samhandling.discharge.codes.Coded;

/**
 * A bed's operational status, with its code in HL7 v2 table 0116 (bed status) where the table has one;
 * FHIR's {@code Location.operationalStatus} uses the same codes. {@code reserved} (held for a patient
 * who is coming) has none.
 */
public enum BedStatus implements Coded {
    FREE("free", "U"),
    OCCUPIED("occupied", "O"),
    RESERVED("reserved", null),
    CLOSED("closed", "C"),
    BEING_CLEANED("being-cleaned", "H"),
    CONTAMINATED("contaminated", "K"),
    ISOLATED("isolated", "I");

    private final String code;
    private final String hl7Code;

    BedStatus(String code, String hl7Code) {
        this.code = code;
        this.hl7Code = hl7Code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    /** The code in HL7 v2 table 0116, or null where it has none. */
    public String hl7Code() {
        return hl7Code;
    }

    /**
     * Whether a patient may be given the bed: only a free (unoccupied) one, as in HL7 v2 table 0116 and SANER:
     * a reserved, closed, occupied, contaminated or isolated bed, or one still being cleaned, is not given to
     * anyone (the pool's administrator sets it free when it is ready).
     */
    public boolean canBeAllocated() {
        return this == FREE;
    }

    /**
     * Whether a patient given the bed shows as occupying it: a free bed, and one being cleaned while given (its
     * housekeeping is part of the stay). A bed taken out of use (closed, contaminated, isolated, reserved,
     * occupied by someone placed elsewhere) shows that status instead.
     */
    public boolean showsItsPatient() {
        return this == FREE || this == BEING_CLEANED;
    }
}
