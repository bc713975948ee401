package no.samhandling.discharge.statistics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A group's inhabitants on 1 January by year and age group, and how many of its member municipalities have a
 * figure for the year: a year counts only when every member has one.
 */
final class GroupPopulation {

    private final int members;
    private final Map<Integer, Map<String, Long>> byYearAndAge = new TreeMap<>();
    private final Map<Integer, Integer> municipalitiesWithFigures = new HashMap<>();

    GroupPopulation(int members) {
        this.members = members;
    }

    void add(int year, String ageGroup, long inhabitants, int municipalities) {
        byYearAndAge.computeIfAbsent(year, y -> new TreeMap<>()).merge(ageGroup, inhabitants, Long::sum);
        municipalitiesWithFigures.merge(year, municipalities, Math::max);
    }

    /** The denominator of a range: inhabitants, by age group too, as the mean of its years weighted by its days in each. */
    record Population(Long inhabitants, List<Integer> years, List<Integer> unknownYears, Map<String, BigDecimal> byAgeGroup) {
    }

    Population over(DateRange range) {
        List<Integer> years = new ArrayList<>();
        List<Integer> unknown = new ArrayList<>();
        Map<String, BigDecimal> weighted = new TreeMap<>();
        for (int year = range.from().getYear(); year <= range.to().getYear(); year++) {
            LocalDate start = year == range.from().getYear() ? range.from() : LocalDate.of(year, 1, 1);
            LocalDate end = year == range.to().getYear() ? range.to() : LocalDate.of(year, 12, 31);
            Map<String, Long> figure = byYearAndAge.get(year);
            if (figure == null || municipalitiesWithFigures.getOrDefault(year, 0) < members) {
                unknown.add(year);
                continue;
            }
            years.add(year);
            BigDecimal days = BigDecimal.valueOf(new DateRange(start, end).days());
            figure.forEach((age, inhabitants) -> weighted.merge(age, BigDecimal.valueOf(inhabitants).multiply(days), BigDecimal::add));
        }
        if (!unknown.isEmpty()) {
            return new Population(null, years, unknown, Map.of());
        }
        BigDecimal rangeDays = BigDecimal.valueOf(range.days());
        Map<String, BigDecimal> byAge = new TreeMap<>();
        weighted.forEach((age, sum) -> byAge.put(age, sum.divide(rangeDays, MathContext.DECIMAL128)));
        BigDecimal total = weighted.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Population(total.divide(rangeDays, 0, RoundingMode.HALF_UP).longValueExact(), years, unknown, byAge);
    }
}
