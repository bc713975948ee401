package no.samhandling.discharge.stay;

import no.samhandling.discharge.codes.Coded;

import com.fasterxml.jackson.annotation.JsonValue;

/** The three service areas of the scheme; mental health and addiction care joined on 1 January 2019. */
public enum ServiceArea implements Coded {
    SOMATIC("somatic"),
    MENTAL_HEALTH("mental-health"),
    ADDICTION("addiction");

    private final String code;

    ServiceArea(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    /** § 9, second paragraph: mental health and addiction care add two conditions to the declaration. */
    public boolean requiresFollowUpConditions() {
        return this != SOMATIC;
    }
}
