package no.samhandling.discharge.statistics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Days from {@code from} through {@code to}, both included. */
public record DateRange(LocalDate from, LocalDate to) {

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The range of the same length just before this one. */
    public DateRange previous() {
        return new DateRange(from.minusDays(days()), from.minusDays(1));
    }

    /** A month index (year × 12 + month − 1), for comparing months as numbers. */
    static int monthIndex(LocalDate day) {
        return day.getYear() * 12 + day.getMonthValue() - 1;
    }

    /**
     * The range cut where aggregates per month can serve it: whole months (one span, or none) and the days of the
     * months it covers only in part (each within one month), so only those are read day by day.
     */
    public record Split(DateRange wholeMonths, List<DateRange> partialMonths) {
    }

    public Split split() {
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastWhole = to.plusDays(1).getDayOfMonth() == 1 ? to.plusDays(1) : to.withDayOfMonth(1);
        List<DateRange> partial = new ArrayList<>();
        if (!firstWhole.isBefore(afterLastWhole)) {
            for (LocalDate start = from; !start.isAfter(to); start = start.withDayOfMonth(1).plusMonths(1)) {
                LocalDate end = start.withDayOfMonth(start.lengthOfMonth());
                partial.add(new DateRange(start, end.isAfter(to) ? to : end));
            }
            return new Split(null, List.copyOf(partial));
        }
        if (from.isBefore(firstWhole)) {
            partial.add(new DateRange(from, firstWhole.minusDays(1)));
        }
        if (afterLastWhole.isBefore(to.plusDays(1))) {
            partial.add(new DateRange(afterLastWhole, to));
        }
        return new Split(new DateRange(firstWhole, afterLastWhole.minusDays(1)), List.copyOf(partial));
    }
}
