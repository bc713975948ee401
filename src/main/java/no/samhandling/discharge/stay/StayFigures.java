package no.samhandling.discharge.stay;

import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The day counts of a stay: its discharge-ready periods and their sums. */
public record StayFigures(List<PeriodFigures> periods) {

    public int dischargeReadyDays() {
        return periods.stream().mapToInt(PeriodFigures::dischargeReadyDays).sum();
    }

    public int billableDays() {
        return periods.stream().mapToInt(PeriodFigures::billableDays).sum();
    }

    public SortedMap<YearMonth, Integer> dischargeReadyDaysByMonth() {
        SortedMap<YearMonth, Integer> sum = new TreeMap<>();
        periods.forEach(p -> p.dischargeReadyDaysByMonth().forEach((month, days) -> sum.merge(month, days, Integer::sum)));
        return sum;
    }

    public SortedMap<YearMonth, Integer> billableDaysByMonth() {
        SortedMap<YearMonth, Integer> sum = new TreeMap<>();
        periods.forEach(p -> p.billableDaysByMonth().forEach((month, days) -> sum.merge(month, days, Integer::sum)));
        return sum;
    }
}
