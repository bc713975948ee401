package no.samhandling.discharge.stay;

import no.samhandling.discharge.codes.Coded;


import java.util.Optional;

/** The stay messages of the catalogue (messages.md): the event codes of {@code MessageHeader.eventCoding}. */
enum StayMessageEvent implements Coded {
    ADMISSION_NOTICE("admission-notice", "Admission notice (melding om innlagt pasient, § 8)"),
    DISCHARGE_READY_NOTICE("discharge-ready-notice", "Discharge-ready notice (melding om utskrivningsklar pasient, § 10)"),
    DISCHARGE_READY_WITHDRAWN("discharge-ready-withdrawn", "Withdrawal (avmelding av utskrivningsklar pasient)"),
    PATIENT_DISCHARGED("patient-discharged", "Patient discharged (melding om utskrevet pasient)"),
    MUNICIPALITY_RESPONSE("municipality-response", "Municipality's answer (§ 11: can / cannot receive)");

    private final String code;
    private final String display;

    StayMessageEvent(String code, String display) {
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

    /** Which stay events the hospital must hear about, and as which message: the municipality's answer (§ 11). */
    static Optional<StayMessageEvent> forHospital(EventType type) {
        return type == EventType.MUNICIPALITY_ANSWERED ? Optional.of(MUNICIPALITY_RESPONSE) : Optional.empty();
    }

    /** Which stay events the municipality must hear about, and as which message. */
    static Optional<StayMessageEvent> forStayEvent(EventType type) {
        return Optional.ofNullable(switch (type) {
            case ADMISSION_NOTICE_SENT -> ADMISSION_NOTICE;
            case DISCHARGE_READY_NOTICE_SENT -> DISCHARGE_READY_NOTICE;
            case WITHDRAWN -> DISCHARGE_READY_WITHDRAWN;
            case DISCHARGED -> PATIENT_DISCHARGED;
            case ADMITTED, DECLARED_DISCHARGE_READY, MUNICIPALITY_ANSWERED -> null;
        });
    }
}
