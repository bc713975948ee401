package no.samhandling.discharge.stay;

import no.samhandling.discharge.stay.StayEvent.AdmissionNoticeSent;
import no.samhandling.discharge.stay.StayEvent.Admitted;
import no.samhandling.discharge.stay.StayEvent.DeclaredDischargeReady;
import no.samhandling.discharge.stay.StayEvent.DischargeReadyNoticeSent;
import no.samhandling.discharge.stay.StayEvent.Discharged;
import no.samhandling.discharge.stay.StayEvent.MunicipalityAnswered;
import no.samhandling.discharge.stay.StayEvent.Withdrawn;
import no.samhandling.discharge.stay.StayHistory.Effective;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The state machine of a stay: replays the corrected history in the order things happened and
 * refuses a history in which something happens that cannot (declared discharge-ready after
 * discharge, an answer to a notice never sent, ...). What opens and closes a discharge-ready period is
 * {@link DischargeReadyPeriod}'s definition, shared with the day counting. Plain Java, no framework.
 */
public final class StayTimeline {

    /** Why a history is impossible, in words a ward nurse can act on. */
    public record Violation(String reason) {
    }

    private StayStatus status;
    private Instant admittedAt;
    private boolean periodOpen;
    private boolean noticeSentInPeriod;
    private Violation violation;

    private StayTimeline() {
    }

    /** The status after the history, or why the history is impossible. */
    public static Outcome replay(List<Effective> history) {
        StayTimeline timeline = new StayTimeline();
        for (Effective effective : history) {
            timeline.apply(effective.event());
            if (timeline.violation != null) {
                return new Outcome(null, Optional.of(timeline.violation));
            }
        }
        if (timeline.admittedAt == null) {
            return new Outcome(null, Optional.of(new Violation("A stay starts with the admission.")));
        }
        return new Outcome(timeline.status, Optional.empty());
    }

    public record Outcome(StayStatus status, Optional<Violation> violation) {
    }

    private void apply(StayEvent event) {
        applyRules(event);
        if (violation == null && DischargeReadyPeriod.opens(event)) {
            periodOpen = true;
            noticeSentInPeriod = false;
        } else if (violation == null && DischargeReadyPeriod.closes(event)) {
            periodOpen = false;
        }
    }

    private void applyRules(StayEvent event) {
        if (admittedAt == null && !(event instanceof Admitted)) {
            refuse("Nothing can happen before the admission: " + describe(event) + " is dated before it.");
            return;
        }
        if (status == StayStatus.DISCHARGED) {
            refuse("The patient has been discharged; " + describe(event) + " cannot come after the discharge.");
            return;
        }
        switch (event) {
            case Admitted admitted -> {
                if (admittedAt != null) {
                    refuse("The patient is already admitted on this stay.");
                    return;
                }
                admittedAt = admitted.occurredAt();
                status = StayStatus.ADMITTED;
            }
            case AdmissionNoticeSent notice -> {
                // § 8: may be sent again when expected discharge date or needs change.
            }
            case DeclaredDischargeReady declared -> {
                if (periodOpen) {
                    refuse("The patient is already discharge-ready; withdraw the declaration (avmelding) before declaring again.");
                    return;
                }
                status = StayStatus.DISCHARGE_READY;
            }
            case DischargeReadyNoticeSent notice -> {
                if (!periodOpen) {
                    refuse("The patient is not declared discharge-ready, so there is nothing to notify the municipality of.");
                    return;
                }
                if (noticeSentInPeriod) {
                    refuse("The municipality has already been notified that the patient is discharge-ready.");
                    return;
                }
                noticeSentInPeriod = true;
                status = StayStatus.AWAITING_MUNICIPALITY;
            }
            case MunicipalityAnswered answer -> {
                if (!periodOpen || !noticeSentInPeriod) {
                    refuse("The municipality can only answer a discharge-ready notice that has been sent.");
                    return;
                }
                status = answer.canReceive() ? StayStatus.MUNICIPALITY_READY : StayStatus.MUNICIPALITY_CANNOT_RECEIVE;
            }
            case Withdrawn withdrawn -> {
                if (!periodOpen) {
                    refuse("The patient is not discharge-ready, so there is nothing to withdraw.");
                    return;
                }
                status = StayStatus.ADMITTED;
            }
            case Discharged discharged -> {
                status = StayStatus.DISCHARGED;
            }
        }
    }

    private void refuse(String reason) {
        violation = new Violation(reason);
    }

    private static String describe(StayEvent event) {
        return switch (event.type()) {
            case ADMITTED -> "the admission";
            case ADMISSION_NOTICE_SENT -> "an admission notice";
            case DECLARED_DISCHARGE_READY -> "a discharge-ready declaration";
            case DISCHARGE_READY_NOTICE_SENT -> "a discharge-ready notice";
            case MUNICIPALITY_ANSWERED -> "the municipality's answer";
            case WITHDRAWN -> "a withdrawal";
            case DISCHARGED -> "a discharge";
        };
    }
}
