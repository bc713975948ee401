package no.samhandling.discharge.statistics;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DirectStandardisationTest {

    private static final List<String> AGES = List.of("0-17", "18-29", "30-49", "50-66", "67-79", "80-89", "90+");

    private static Map<String, BigDecimal> inhabitants(Map<String, Long> counts) {
        Map<String, BigDecimal> population = new HashMap<>();
        counts.forEach((age, n) -> population.put(age, BigDecimal.valueOf(n)));
        return population;
    }

    @Test
    void eachAgeGroupsRateIsWeightedByItsShareOfTheStandard() {
        // 0-17: 2 days / 50 inhabitants, 80-89: 3 / 100; standard 100 and 300: (0.04 × 100 + 0.03 × 300) / 400 × 1000 = 32.50.
        assertThat(DirectStandardisation.per1000(Map.of("0-17", 2L, "80-89", 3L), inhabitants(Map.of("0-17", 50L, "80-89", 100L)),
                Map.of("0-17", 100L, "80-89", 300L))).hasValueSatisfying(rate -> {
                    assertThat(rate).isEqualByComparingTo("32.50");
                    assertThat(rate.scale()).isEqualTo(2);
                });
    }

    @Test
    void daysOfUnknownAgeAreNotInTheStandardisedRate() {
        assertThat(DirectStandardisation.per1000(Map.of("0-17", 2L, "unknown", 500L), inhabitants(Map.of("0-17", 50L)),
                Map.of("0-17", 100L))).contains(new BigDecimal("40.00"));
    }

    @Test
    void anAgeGroupWithoutDaysAddsNothingEvenWithoutInhabitants() {
        assertThat(DirectStandardisation.per1000(Map.of("0-17", 1L), inhabitants(Map.of("0-17", 1000L, "90+", 0L)),
                Map.of("0-17", 1L, "90+", 1L))).contains(new BigDecimal("0.50"));
    }

    @Test
    void daysInAnAgeGroupWithoutInhabitantsOrNoStandardLeaveItUndefined() {
        assertThat(DirectStandardisation.per1000(Map.of("90+", 1L), inhabitants(Map.of("90+", 0L)), Map.of("90+", 10L))).isEmpty();
        assertThat(DirectStandardisation.per1000(Map.of("90+", 1L), Map.of(), Map.of("90+", 10L))).isEmpty();
        assertThat(DirectStandardisation.per1000(Map.of("90+", 1L), inhabitants(Map.of("90+", 10L)), Map.of())).isEmpty();
        assertThat(DirectStandardisation.per1000(Map.of("90+", 1L), inhabitants(Map.of("90+", 10L)), Map.of("90+", 0L))).isEmpty();
        assertThat(DirectStandardisation.per1000(Map.of(), inhabitants(Map.of("90+", 10L)), Map.of("90+", 3L))).contains(new BigDecimal("0.00"));
    }

    @Property
    void aGroupWithTheStandardsAgeStructureHasItsCrudeRate(@ForAll @Size(7) List<@LongRange(min = 1, max = 100_000) Long> standard,
                                                          @ForAll @Size(7) List<@LongRange(min = 0, max = 5_000) Long> days,
                                                          @ForAll @IntRange(min = 1, max = 50) int scale) {
        Map<String, Long> standardPopulation = new HashMap<>();
        Map<String, Long> daysByAge = new HashMap<>();
        Map<String, BigDecimal> population = new HashMap<>();
        long totalPopulation = 0;
        long totalDays = 0;
        for (int i = 0; i < AGES.size(); i++) {
            standardPopulation.put(AGES.get(i), standard.get(i));
            population.put(AGES.get(i), BigDecimal.valueOf(standard.get(i) * scale));
            daysByAge.put(AGES.get(i), days.get(i));
            totalPopulation += standard.get(i) * scale;
            totalDays += days.get(i);
        }
        BigDecimal crude = BigDecimal.valueOf(totalDays * 1000).divide(BigDecimal.valueOf(totalPopulation), 2, RoundingMode.HALF_UP);
        assertThat(DirectStandardisation.per1000(daysByAge, population, standardPopulation).orElseThrow())
                .isCloseTo(crude, org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
    }

    @Property
    void scalingTheStandardOrTheGroupsPopulationAndDaysTogetherChangesNothing(
            @ForAll @Size(7) List<@LongRange(min = 1, max = 100_000) Long> standard,
            @ForAll @Size(7) List<@LongRange(min = 1, max = 100_000) Long> inhabitants,
            @ForAll @Size(7) List<@LongRange(min = 0, max = 5_000) Long> days,
            @ForAll @IntRange(min = 2, max = 20) int factor) {
        Map<String, Long> standardPopulation = new HashMap<>();
        Map<String, Long> scaledStandard = new HashMap<>();
        Map<String, Long> daysByAge = new HashMap<>();
        Map<String, Long> scaledDays = new HashMap<>();
        Map<String, BigDecimal> population = new HashMap<>();
        Map<String, BigDecimal> scaledPopulation = new HashMap<>();
        for (int i = 0; i < AGES.size(); i++) {
            standardPopulation.put(AGES.get(i), standard.get(i));
            scaledStandard.put(AGES.get(i), standard.get(i) * factor);
            daysByAge.put(AGES.get(i), days.get(i));
            scaledDays.put(AGES.get(i), days.get(i) * factor);
            population.put(AGES.get(i), BigDecimal.valueOf(inhabitants.get(i)));
            scaledPopulation.put(AGES.get(i), BigDecimal.valueOf(inhabitants.get(i) * factor));
        }
        BigDecimal rate = DirectStandardisation.per1000(daysByAge, population, standardPopulation).orElseThrow();
        assertThat(DirectStandardisation.per1000(daysByAge, population, scaledStandard)).contains(rate);
        assertThat(DirectStandardisation.per1000(scaledDays, scaledPopulation, standardPopulation)).contains(rate);
    }
}
