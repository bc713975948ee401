package no.samhandling.discharge.stay;

import no.samhandling.discharge.codes.Coded;
import no.samhandling.discharge.security.Caller;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A stay is no longer discharge-ready: the patient was discharged, the declaration was withdrawn (avmelding),
 * or it was cancelled. Fired as a synchronous CDI event inside the transaction of the stay event, whether it
 * came over REST or in a message, so what other capabilities do about it (capacity ends the patient's bed
 * allocation) is committed with the event or not at all, and stay needs to know none of them.
 *
 * @param on the Europe/Oslo day it ended: the day of the discharge or withdrawal, today for a cancellation
 */
public record DischargeReadinessEnded(Caller caller, UUID stayId, LocalDate on, Reason reason) {

    public enum Reason implements Coded {
        DISCHARGED("discharged"),
        WITHDRAWN("withdrawn"),
        DECLARATION_CANCELLED("declaration-cancelled");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }
}
