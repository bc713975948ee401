package no.samhandling.discharge.stay;

import no.samhandling.discharge.codes.Coded;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of stay events, in the order they sort when two happen at the same instant. */
public enum EventType implements Coded {
    ADMITTED("admitted"),
    ADMISSION_NOTICE_SENT("admission-notice-sent"),
    DECLARED_DISCHARGE_READY("declared-discharge-ready"),
    DISCHARGE_READY_NOTICE_SENT("discharge-ready-notice-sent"),
    MUNICIPALITY_ANSWERED("municipality-answered"),
    WITHDRAWN("withdrawn"),
    DISCHARGED("discharged");

    private final String code;

    EventType(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public static EventType fromCode(String code) {
        return Coded.find(EventType.class, code).orElseThrow(() -> new IllegalArgumentException("unknown event type " + code));
    }
}
