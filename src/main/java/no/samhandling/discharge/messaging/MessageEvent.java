package no.samhandling.discharge.messaging;

import no.samhandling.discharge.codes.Coded;

import no.samhandling.discharge.stay.EventType;

import java.util.Optional;

/** The message catalogue of messages.md: the event codes of {@code MessageHeader.eventCoding}. */
public enum MessageEvent implements Coded {
    ADMISSION_NOTICE("admission-notice", "Admission notice (melding om innlagt pasient, § 8)"),
    DISCHARGE_READY_NOTICE("discharge-ready-notice", "Discharge-ready notice (melding om utskrivningsklar pasient, § 10)"),
    DISCHARGE_READY_WITHDRAWN("discharge-ready-withdrawn", "Withdrawal (avmelding av utskrivningsklar pasient)"),
    PATIENT_DISCHARGED("patient-discharged", "Patient discharged (melding om utskrevet pasient)");

    private final String code;
    private final String display;

    MessageEvent(String code, String display) {
        this.code = code;
        this.display = display;
    }

    @Override
    public String code() {
        return code;
    }

    public String display() {
        return display;
    }

    /** Which stay events the municipality must hear about, and as which message. */
    public static Optional<MessageEvent> forStayEvent(EventType type) {
        return Optional.ofNullable(switch (type) {
            case ADMISSION_NOTICE_SENT -> ADMISSION_NOTICE;
            case DISCHARGE_READY_NOTICE_SENT -> DISCHARGE_READY_NOTICE;
            case WITHDRAWN -> DISCHARGE_READY_WITHDRAWN;
            case DISCHARGED -> PATIENT_DISCHARGED;
            case ADMITTED, DECLARED_DISCHARGE_READY, MUNICIPALITY_ANSWERED -> null;
        });
    }
}
