package no.samhandling.discharge.stay;

import java.time.LocalDate;
import java.util.List;

/**
 * What the day counting needs to know of one discharge-ready period, and what the municipality's work
 * list shows of it: the facts stored in {@code stay_period}. The days follow from them
 * ({@link DayCounter#days}), up to any date, so an open period's days can be counted up to today without
 * reading the events again.
 *
 * @param noticeOn            the date of the period's discharge-ready notice (§ 10), or null
 * @param municipalityReadyOn the earliest date the municipality can receive the patient (§ 13), or null
 * @param notBillableBecause  which of §§ 8–10 the period fails; empty when billable
 * @param needs               the needs stated in the declaration
 * @param canReceive          the municipality's latest answer in this period: can it receive the patient; null before any answer
 * @param readyFrom           that answer's date from which it can receive the patient
 * @param expectedReadyOn     that answer's expected date of an offer (when it cannot yet, § 11)
 * @param offer               that answer's offer
 */
public record PeriodFacts(int number, LocalDate declaredOn, LocalDate endedOn, LocalDate noticeOn, LocalDate municipalityReadyOn,
                          List<NonBillableReason> notBillableBecause, String needs, Boolean canReceive, LocalDate readyFrom,
                          LocalDate expectedReadyOn, String offer) {

    public PeriodFacts {
        notBillableBecause = List.copyOf(notBillableBecause);
    }

    public boolean ongoing() {
        return endedOn == null;
    }
}
