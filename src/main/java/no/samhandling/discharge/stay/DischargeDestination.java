package no.samhandling.discharge.stay;

import no.samhandling.discharge.codes.Coded;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the patient went at discharge (utskrevet til). */
public enum DischargeDestination implements Coded {
    HOME("home"),
    HOME_CARE("home-care"),
    SHORT_TERM_BED("short-term-bed"),
    NURSING_HOME("nursing-home"),
    BED_POOL("bed-pool"),
    OTHER_HOSPITAL("other-hospital"),
    DECEASED("deceased"),
    OTHER("other");

    private final String code;

    DischargeDestination(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }
}
