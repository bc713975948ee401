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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a discharge-ready period is, in one place: it opens with the declaration (§ 9) and closes with the
 * withdrawal (avmelding) or the discharge; the first discharge-ready notice in it (§ 10) and the
 * municipality's answers in it (§ 11) belong to it. {@link StayTimeline} and {@link DayCounter} both use
 * this definition.
 *
 * @param number           1 for the stay's first period, and so on
 * @param admittedAt       the stay's admission (for the § 8 deadline), null if the history has none
 * @param admissionNotices the § 8 admission notices sent before the period ended
 * @param notice           the first discharge-ready notice of the period, or null
 * @param answers          the municipality's answers in the period, in the order they were given
 * @param endedBy          the withdrawal or discharge that closed it, or null while it lasts
 */
public record DischargeReadyPeriod(int number, Instant admittedAt, List<AdmissionNoticeSent> admissionNotices,
                                   DeclaredDischargeReady declaration, DischargeReadyNoticeSent notice,
                                   List<MunicipalityAnswered> answers, StayEvent endedBy) {

    /** The event that starts a period. */
    public static boolean opens(StayEvent event) {
        return event instanceof DeclaredDischargeReady;
    }

    /** The events that end a period. */
    public static boolean closes(StayEvent event) {
        return event instanceof Withdrawn || event instanceof Discharged;
    }

    /** The periods of a corrected history, in the order they happened. */
    public static List<DischargeReadyPeriod> of(List<Effective> history) {
        List<DischargeReadyPeriod> periods = new ArrayList<>();
        Instant admittedAt = null;
        List<AdmissionNoticeSent> admissionNotices = new ArrayList<>();
        DeclaredDischargeReady declaration = null;
        DischargeReadyNoticeSent notice = null;
        List<MunicipalityAnswered> answers = new ArrayList<>();
        for (Effective effective : history) {
            StayEvent event = effective.event();
            if (event instanceof Admitted admitted) {
                admittedAt = admitted.occurredAt();
            } else if (event instanceof AdmissionNoticeSent admissionNotice) {
                admissionNotices.add(admissionNotice);
            } else if (opens(event)) {
                declaration = (DeclaredDischargeReady) event;
                notice = null;
                answers = new ArrayList<>();
            } else if (declaration != null && event instanceof DischargeReadyNoticeSent sent && notice == null) {
                notice = sent;
            } else if (declaration != null && event instanceof MunicipalityAnswered answer) {
                answers.add(answer);
            } else if (declaration != null && closes(event)) {
                periods.add(new DischargeReadyPeriod(periods.size() + 1, admittedAt, List.copyOf(admissionNotices), declaration, notice,
                        List.copyOf(answers), event));
                declaration = null;
            }
        }
        if (declaration != null) {
            periods.add(new DischargeReadyPeriod(periods.size() + 1, admittedAt, List.copyOf(admissionNotices), declaration, notice,
                    List.copyOf(answers), null));
        }
        return List.copyOf(periods);
    }

    public LocalDate declaredOn() {
        return DayCounter.date(declaration.occurredAt());
    }

    /** The date the period ended, or null while it lasts. */
    public LocalDate endedOn() {
        return endedBy == null ? null : DayCounter.date(endedBy.occurredAt());
    }

    /**
     * The earliest date from which the municipality said it can receive the patient (an answer without a
     * date: the answer's own date), or null when it has not said so in this period.
     */
    public LocalDate municipalityReadyOn() {
        LocalDate earliest = null;
        for (MunicipalityAnswered answer : answers) {
            if (answer.canReceive()) {
                LocalDate readyFrom = answer.readyFrom() != null ? answer.readyFrom() : DayCounter.date(answer.occurredAt());
                earliest = earliest == null || readyFrom.isBefore(earliest) ? readyFrom : earliest;
            }
        }
        return earliest;
    }

    /** The municipality's latest answer in this period (not an earlier period's), or null. */
    public MunicipalityAnswered latestAnswer() {
        return answers.isEmpty() ? null : answers.getLast();
    }
}
