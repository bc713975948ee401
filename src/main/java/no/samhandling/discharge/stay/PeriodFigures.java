package no.samhandling.discharge.stay;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;

/**
 * One discharge-ready period: from the declaration to the withdrawal or discharge (or today, while it
 * lasts). Days are Europe/Oslo calendar dates; each counted day is also counted in its own month.
 *
 * @param endedOn            the date the period ended, or null while it lasts
 * @param dischargeReadyDays overliggerdøgn: end date − declaration date
 * @param billableFrom       the date of the discharge-ready notice, or null when not billable
 * @param billableUntil      exclusive: the earliest of municipality ready, withdrawal, discharge (or today)
 */
public record PeriodFigures(LocalDate declaredOn, LocalDate endedOn, int dischargeReadyDays,
                            LocalDate billableFrom, LocalDate billableUntil, int billableDays,
                            List<NonBillableReason> notBillableBecause,
                            SortedMap<YearMonth, Integer> dischargeReadyDaysByMonth,
                            SortedMap<YearMonth, Integer> billableDaysByMonth) {

    public boolean ongoing() {
        return endedOn == null;
    }
}
