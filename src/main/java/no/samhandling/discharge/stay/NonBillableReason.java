package no.samhandling.discharge.stay;

import no.samhandling.discharge.codes.Coded;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a discharge-ready period carries no payment liability: which of §§ 8–10 was not met. */
public enum NonBillableReason implements Coded {
    ADMISSION_NOTICE_MISSING("admission-notice-missing", "§ 8: no admission notice was sent to the municipality"),
    ADMISSION_NOTICE_LATE("admission-notice-late", "§ 8: the admission notice was sent later than the deadline after admission"),
    DECLARATION_NOT_DOCUMENTED("declaration-not-documented",
            "§ 9: the discharge-ready declaration lacks the assessor's HPR number or a documented assessment"),
    FOLLOW_UP_CONDITIONS_MISSING("follow-up-conditions-missing",
            "§ 9: mental health or addiction care: the cooperation meeting was not called or the hospital's follow-up not clarified"),
    DISCHARGE_READY_NOTICE_MISSING("discharge-ready-notice-missing", "§ 10: the municipality was not notified that the patient is discharge-ready");

    private final String code;
    private final String explanation;

    NonBillableReason(String code, String explanation) {
        this.code = code;
        this.explanation = explanation;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public String explanation() {
        return explanation;
    }
}
