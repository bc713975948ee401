package no.samhandling.discharge.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the discharge-ready days really cost, beside the bill: each day at the configured cost per bed-day of the
 * hospital trust the patient waited in, and the same days at the cost per bed-day of the municipal care level
 * the patient was discharged to. Unknown (null, naming what lacks a cost) where a cost is not configured.
 */
public final class RealCost {

    private RealCost() {
    }

    /**
     * @param hospitalBedCost       NOK: Σ days × the hospital's cost per bed-day; null when a hospital with days has none
     * @param hospitalsWithoutCost  organisation numbers of hospitals with days and no configured cost
     * @param municipalBedCost      NOK: Σ days × the care level's cost per bed-day, over the days with a care level; null
     *                              when a care level with days has no configured cost
     * @param municipalBedDays      the days priced in municipalBedCost
     * @param daysWithoutCareLevel  days of stays not (yet) discharged to a municipal care level: not in municipalBedCost
     * @param careLevelsWithoutCost care levels with days and no configured cost
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "StatisticsRealCost", description = "The real cost of the "
            + "discharge-ready days beside the bill (see realCostDefinition)")
    public record Figures(BigDecimal hospitalBedCost, List<String> hospitalsWithoutCost, BigDecimal municipalBedCost,
                          long municipalBedDays, long daysWithoutCareLevel, List<String> careLevelsWithoutCost) {
    }

    /** The key of the days without a care level in {@code daysByCareLevel}. */
    public static final String NO_CARE_LEVEL = "";

    public static Figures of(Map<String, Long> daysByHospital, Map<String, Long> daysByCareLevel, Map<String, BigDecimal> hospitalCost,
                             Map<String, BigDecimal> careLevelCost) {
        TreeSet<String> hospitalsWithout = new TreeSet<>();
        BigDecimal hospital = priced(daysByHospital, hospitalCost, hospitalsWithout);
        long without = daysByCareLevel.getOrDefault(NO_CARE_LEVEL, 0L);
        Map<String, Long> withCareLevel = new java.util.HashMap<>(daysByCareLevel);
        withCareLevel.remove(NO_CARE_LEVEL);
        TreeSet<String> careLevelsWithout = new TreeSet<>();
        BigDecimal municipal = priced(withCareLevel, careLevelCost, careLevelsWithout);
        long municipalDays = withCareLevel.values().stream().mapToLong(Long::longValue).sum();
        return new Figures(hospital, List.copyOf(hospitalsWithout), municipal, municipalDays, without, List.copyOf(careLevelsWithout));
    }

    /**
     * Σ days × their price, two decimals; null when days have no price, whose keys are then added to {@code without}.
     * Also the billed amount: billable days by year at each year's daily rate.
     */
    static <K> BigDecimal priced(Map<K, Long> days, Map<K, BigDecimal> cost, java.util.SortedSet<K> without) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<K, Long> entry : days.entrySet()) {
            if (entry.getValue() == 0) {
                continue;
            }
            BigDecimal perDay = cost.get(entry.getKey());
            if (perDay == null) {
                without.add(entry.getKey());
            } else {
                sum = sum.add(perDay.multiply(BigDecimal.valueOf(entry.getValue())));
            }
        }
        return without.isEmpty() ? sum.setScale(2, RoundingMode.HALF_UP) : null;
    }
}
