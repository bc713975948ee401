package no.samhandling.discharge.stay;

import no.samhandling.discharge.codes.Coded;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a stay stands, as a ward nurse or a municipal case officer would say it. */
public enum StayStatus implements Coded {
    /** In hospital, not declared discharge-ready. */
    ADMITTED("admitted"),
    /** Declared discharge-ready (utskrivningsklar); the municipality has not been told yet. */
    DISCHARGE_READY("discharge-ready"),
    /** The municipality has been told and has not answered. */
    AWAITING_MUNICIPALITY("awaiting-municipality"),
    /** The municipality cannot receive the patient yet. */
    MUNICIPALITY_CANNOT_RECEIVE("municipality-cannot-receive"),
    /** The municipality can receive the patient. */
    MUNICIPALITY_READY("municipality-ready"),
    /** Left the hospital (utskrevet). */
    DISCHARGED("discharged");

    private final String code;

    StayStatus(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    /** The status a list's {@code status} query parameter names, or null when absent; refused (400) when unknown. */
    public static StayStatus ofQuery(String code) {
        return code == null ? null : Coded.find(StayStatus.class, code).orElseThrow(() -> StayException.invalid("status",
                "must be one of " + java.util.Arrays.stream(values()).map(StayStatus::code).toList()));
    }

    public boolean waitingForMunicipality() {
        return this == DISCHARGE_READY || this == AWAITING_MUNICIPALITY || this == MUNICIPALITY_CANNOT_RECEIVE
                || this == MUNICIPALITY_READY;
    }
}
