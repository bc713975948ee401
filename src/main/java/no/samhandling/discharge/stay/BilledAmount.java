package no.samhandling.discharge.stay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The amount the municipality is billed (§ 13, § 12: the daily rate set each year): each billable day at
 * the daily rate (døgnpris) of its own calendar year. Where a year's rate is unknown the amount is unknown
 * (never guessed) and the years are named.
 *
 * @param nok              NOK, two decimals; null when a year's rate is unknown
 * @param unknownRateYears the years with billable days and no known daily rate, ascending
 */
public record BilledAmount(BigDecimal nok, List<Integer> unknownRateYears) {

    public static final BilledAmount NOTHING = new BilledAmount(BigDecimal.ZERO.setScale(2), List.of());

    public BilledAmount {
        unknownRateYears = List.copyOf(unknownRateYears);
    }

    /** The amount of billable days by month, at the rates by year. */
    public static BilledAmount of(SortedMap<YearMonth, Integer> billableDaysByMonth, Map<Integer, BigDecimal> ratePerYear) {
        BigDecimal sum = BigDecimal.ZERO;
        TreeSet<Integer> unknown = new TreeSet<>();
        for (Map.Entry<YearMonth, Integer> month : billableDaysByMonth.entrySet()) {
            if (month.getValue() == 0) {
                continue;
            }
            BigDecimal rate = ratePerYear.get(month.getKey().getYear());
            if (rate == null) {
                unknown.add(month.getKey().getYear());
            } else {
                sum = sum.add(rate.multiply(BigDecimal.valueOf(month.getValue())));
            }
        }
        return unknown.isEmpty() ? new BilledAmount(sum.setScale(2, RoundingMode.UNNECESSARY), List.of())
                : new BilledAmount(null, new ArrayList<>(unknown));
    }

    public BilledAmount plus(BilledAmount other) {
        TreeSet<Integer> unknown = new TreeSet<>(unknownRateYears);
        unknown.addAll(other.unknownRateYears);
        return unknown.isEmpty() ? new BilledAmount(nok.add(other.nok), List.of()) : new BilledAmount(null, new ArrayList<>(unknown));
    }
}
