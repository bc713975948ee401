package no.samhandling.discharge.stay;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of stay events, in the order they sort when two happen at the same instant. */
public enum EventType {
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

    @JsonValue
    public String code() {
        return code;
    }

    public static EventType fromCode(String code) {
        for (EventType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type " + code);
    }
}
