package no.samhandling.discharge.statistics;

import no.samhandling.discharge.stay.DischargeDestination;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plain rules of the statistics: age groups, care levels, real cost, intervals and ranges, the population of a range. */
class StatisticsRulesTest {

    private static final LocalDate DECLARED = LocalDate.of(2024, 6, 15);

    private static String ageOn(LocalDate born) {
        return PatientAgeGroup.of(born, DECLARED);
    }

    @Test
    void aRangeContainsItsFirstAndLastDayAndNothingBeyond() {
        DateRange june = new DateRange(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30));
        assertThat(june.contains(LocalDate.of(2025, 6, 1))).isTrue();
        assertThat(june.contains(LocalDate.of(2025, 6, 30))).isTrue();
        assertThat(june.contains(LocalDate.of(2025, 5, 31))).isFalse();
        assertThat(june.contains(LocalDate.of(2025, 7, 1))).isFalse();
    }

    @Test
    void aPatientCountsInTheAgeGroupOfTheirAgeOnTheDayOfTheDeclaration() {
        assertThat(ageOn(DECLARED)).isEqualTo("0-17");
        assertThat(ageOn(DECLARED.minusYears(18).plusDays(1))).isEqualTo("0-17");
        assertThat(ageOn(DECLARED.minusYears(18))).isEqualTo("18-29");
        assertThat(ageOn(DECLARED.minusYears(30).plusDays(1))).isEqualTo("18-29");
        assertThat(ageOn(DECLARED.minusYears(30))).isEqualTo("30-49");
        assertThat(ageOn(DECLARED.minusYears(50).plusDays(1))).isEqualTo("30-49");
        assertThat(ageOn(DECLARED.minusYears(50))).isEqualTo("50-66");
        assertThat(ageOn(DECLARED.minusYears(67).plusDays(1))).isEqualTo("50-66");
        assertThat(ageOn(DECLARED.minusYears(67))).isEqualTo("67-79");
        assertThat(ageOn(DECLARED.minusYears(80).plusDays(1))).isEqualTo("67-79");
        assertThat(ageOn(DECLARED.minusYears(80))).isEqualTo("80-89");
        assertThat(ageOn(DECLARED.minusYears(90).plusDays(1))).isEqualTo("80-89");
        assertThat(ageOn(DECLARED.minusYears(90))).isEqualTo("90+");
        assertThat(ageOn(DECLARED.minusYears(110))).isEqualTo("90+");
    }

    @Test
    void withoutABirthDateOrBornAfterTheDeclarationTheAgeIsUnknown() {
        assertThat(ageOn(null)).isEqualTo(PatientAgeGroup.UNKNOWN);
        assertThat(ageOn(DECLARED.plusDays(1))).isEqualTo("unknown");
    }

    @Test
    void theCareLevelIsWhereTheMunicipalityReceivedThePatient() {
        assertThat(CareLevel.ofDestination(DischargeDestination.HOME_CARE)).contains(CareLevel.HOME_CARE);
        assertThat(CareLevel.ofDestination(DischargeDestination.SHORT_TERM_BED)).contains(CareLevel.SHORT_TERM);
        assertThat(CareLevel.ofDestination(DischargeDestination.NURSING_HOME)).contains(CareLevel.NURSING_HOME);
        assertThat(CareLevel.ofDestination(DischargeDestination.BED_POOL)).contains(CareLevel.OTHER);
        assertThat(CareLevel.ofDestination(DischargeDestination.OTHER)).contains(CareLevel.OTHER);
        assertThat(CareLevel.ofDestination(DischargeDestination.HOME)).isEmpty();
        assertThat(CareLevel.ofDestination(DischargeDestination.OTHER_HOSPITAL)).isEmpty();
        assertThat(CareLevel.ofDestination(DischargeDestination.DECEASED)).isEmpty();
        assertThat(CareLevel.ofDestination(null)).isEmpty();
        assertThat(List.of(CareLevel.values())).extracting(CareLevel::code)
                .containsExactly("home-care", "short-term", "rehabilitation", "kad", "nursing-home", "other");
    }

    @Test
    void realCostPricesEachHospitalsDaysAndTheSameDaysAtTheirCareLevel() {
        RealCost.Figures cost = RealCost.of(Map.of("983974899", 3L, "983974910", 2L), Map.of("", 1L, "short-term", 4L),
                Map.of("983974899", new BigDecimal("18000"), "983974910", new BigDecimal("15000.50")), Map.of("short-term", new BigDecimal("4500")));
        assertThat(cost.hospitalBedCost()).isEqualByComparingTo("84001.00");
        assertThat(cost.hospitalBedCost().scale()).isEqualTo(2);
        assertThat(cost.hospitalsWithoutCost()).isEmpty();
        assertThat(cost.municipalBedCost()).isEqualByComparingTo("18000.00");
        assertThat(cost.municipalBedCost().scale()).isEqualTo(2);
        assertThat(cost.municipalBedDays()).isEqualTo(4);
        assertThat(cost.daysWithoutCareLevel()).isEqualTo(1);
        assertThat(cost.careLevelsWithoutCost()).isEmpty();
    }

    @Test
    void aCostNotConfiguredMakesItUnknownNamingWhatLacksOne() {
        RealCost.Figures cost = RealCost.of(Map.of("983974899", 3L, "983974910", 2L, "983974929", 0L), Map.of("kad", 2L, "other", 1L, "nursing-home", 0L),
                Map.of("983974899", new BigDecimal("18000")), Map.of("other", new BigDecimal("10")));
        assertThat(cost.hospitalBedCost()).isNull();
        assertThat(cost.hospitalsWithoutCost()).containsExactly("983974910");
        assertThat(cost.municipalBedCost()).isNull();
        assertThat(cost.careLevelsWithoutCost()).containsExactly("kad");
        assertThat(cost.municipalBedDays()).isEqualTo(3);
        assertThat(cost.daysWithoutCareLevel()).isZero();
        assertThat(RealCost.of(Map.of(), Map.of(), Map.of(), Map.of()).hospitalBedCost()).isEqualByComparingTo("0");
    }

    @Test
    void intervalsStartEndAndAreNamedByTheCalendar() {
        LocalDate day = LocalDate.of(2017, 8, 17);
        assertThat(Interval.MONTH.start(day)).isEqualTo("2017-08-01");
        assertThat(Interval.MONTH.end(day)).isEqualTo("2017-08-31");
        assertThat(Interval.QUARTER.start(day)).isEqualTo("2017-07-01");
        assertThat(Interval.QUARTER.end(day)).isEqualTo("2017-09-30");
        assertThat(Interval.YEAR.start(day)).isEqualTo("2017-01-01");
        assertThat(Interval.YEAR.end(day)).isEqualTo("2017-12-31");
        assertThat(Interval.QUARTER.start(LocalDate.of(2017, 3, 31))).isEqualTo("2017-01-01");
        assertThat(Interval.QUARTER.start(LocalDate.of(2017, 4, 1))).isEqualTo("2017-04-01");
        assertThat(Interval.MONTH.label(day)).isEqualTo("2017-08");
        assertThat(Interval.QUARTER.label(day)).isEqualTo("2017-Q3");
        assertThat(Interval.QUARTER.label(LocalDate.of(2017, 12, 31))).isEqualTo("2017-Q4");
        assertThat(Interval.QUARTER.label(LocalDate.of(2017, 1, 1))).isEqualTo("2017-Q1");
        assertThat(Interval.YEAR.label(day)).isEqualTo("2017");
        assertThat(Interval.MONTH.numberOf(day)).isEqualTo(8);
        assertThat(Interval.QUARTER.numberOf(day)).isEqualTo(3);
        assertThat(Interval.YEAR.numberOf(day)).isEqualTo(1);
        assertThat(List.of(Interval.values())).extracting(Interval::code).containsExactly("month", "quarter", "year");
    }

    @Test
    void aYearQuarterOrMonthIsItsRangeOfDays() {
        assertThat(Interval.YEAR.of(2020, 7)).isEqualTo(new DateRange(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)));
        assertThat(Interval.QUARTER.of(2020, 1)).isEqualTo(new DateRange(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 3, 31)));
        assertThat(Interval.QUARTER.of(2020, 4)).isEqualTo(new DateRange(LocalDate.of(2020, 10, 1), LocalDate.of(2020, 12, 31)));
        assertThat(Interval.MONTH.of(2020, 2)).isEqualTo(new DateRange(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 29)));
        assertThat(Interval.MONTH.of(2020, 12)).isEqualTo(new DateRange(LocalDate.of(2020, 12, 1), LocalDate.of(2020, 12, 31)));
        assertThatThrownBy(() -> Interval.QUARTER.of(2020, 5)).hasMessage("must be 1 to 4");
        assertThatThrownBy(() -> Interval.QUARTER.of(2020, 0)).hasMessage("must be 1 to 4");
        assertThatThrownBy(() -> Interval.MONTH.of(2020, 13)).hasMessage("must be 1 to 12");
    }

    @Test
    void theIntervalsCoveringARangeAreWhole() {
        assertThat(Interval.QUARTER.covering(LocalDate.of(2017, 2, 10), LocalDate.of(2017, 7, 1))).containsExactly(
                new DateRange(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 3, 31)),
                new DateRange(LocalDate.of(2017, 4, 1), LocalDate.of(2017, 6, 30)),
                new DateRange(LocalDate.of(2017, 7, 1), LocalDate.of(2017, 9, 30)));
        assertThat(Interval.MONTH.covering(LocalDate.of(2017, 2, 10), LocalDate.of(2017, 2, 10))).containsExactly(
                new DateRange(LocalDate.of(2017, 2, 1), LocalDate.of(2017, 2, 28)));
    }

    @Test
    void aRangeKnowsItsDaysAndThePreviousRangeOfTheSameLength() {
        DateRange march = new DateRange(LocalDate.of(2017, 3, 1), LocalDate.of(2017, 3, 31));
        assertThat(march.days()).isEqualTo(31);
        assertThat(march.previous()).isEqualTo(new DateRange(LocalDate.of(2017, 1, 29), LocalDate.of(2017, 2, 28)));
        assertThat(DateRange.monthIndex(LocalDate.of(2017, 3, 31))).isEqualTo(2017 * 12 + 2);
    }

    @Test
    void aRangeSplitsIntoWholeMonthsAndTheDaysOfMonthsItCoversInPart() {
        assertThat(split("2017-03-01", "2017-03-31")).isEqualTo(new DateRange.Split(range("2017-03-01", "2017-03-31"), List.of()));
        assertThat(split("2017-03-05", "2017-03-20")).isEqualTo(new DateRange.Split(null, List.of(range("2017-03-05", "2017-03-20"))));
        assertThat(split("2017-03-05", "2017-04-10")).isEqualTo(new DateRange.Split(null,
                List.of(range("2017-03-05", "2017-03-31"), range("2017-04-01", "2017-04-10"))));
        assertThat(split("2017-03-05", "2017-05-10")).isEqualTo(new DateRange.Split(range("2017-04-01", "2017-04-30"),
                List.of(range("2017-03-05", "2017-03-31"), range("2017-05-01", "2017-05-10"))));
        assertThat(split("2017-03-01", "2017-05-10")).isEqualTo(new DateRange.Split(range("2017-03-01", "2017-04-30"),
                List.of(range("2017-05-01", "2017-05-10"))));
        assertThat(split("2017-03-02", "2017-04-30")).isEqualTo(new DateRange.Split(range("2017-04-01", "2017-04-30"),
                List.of(range("2017-03-02", "2017-03-31"))));
        assertThat(split("2017-03-01", "2017-03-30")).isEqualTo(new DateRange.Split(null, List.of(range("2017-03-01", "2017-03-30"))));
        assertThat(split("2017-03-31", "2017-03-31")).isEqualTo(new DateRange.Split(null, List.of(range("2017-03-31", "2017-03-31"))));
    }

    @Test
    void theRangesPopulationIsTheDayWeightedMeanOfItsYearsWhenEveryMemberHasOne() {
        GroupPopulation population = new GroupPopulation(2);
        population.add(2016, "0-17", 100, 2);
        population.add(2016, "90+", 10, 2);
        population.add(2017, "0-17", 200, 2);
        population.add(2017, "90+", 30, 2);
        population.add(2018, "0-17", 500, 1);
        GroupPopulation.Population overNewYear = population.over(range("2016-12-01", "2017-01-31"));
        assertThat(overNewYear.inhabitants()).isEqualTo(170);
        assertThat(overNewYear.years()).containsExactly(2016, 2017);
        assertThat(overNewYear.unknownYears()).isEmpty();
        assertThat(overNewYear.byAgeGroup().get("0-17")).isEqualByComparingTo("150");
        assertThat(overNewYear.byAgeGroup().get("90+")).isEqualByComparingTo("20");
        GroupPopulation.Population withAMemberMissing = population.over(range("2017-12-01", "2018-01-31"));
        assertThat(withAMemberMissing.inhabitants()).isNull();
        assertThat(withAMemberMissing.years()).containsExactly(2017);
        assertThat(withAMemberMissing.unknownYears()).containsExactly(2018);
        assertThat(withAMemberMissing.byAgeGroup()).isEmpty();
        assertThat(population.over(range("2015-06-01", "2015-06-30")).unknownYears()).containsExactly(2015);
    }

    private static DateRange range(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    private static DateRange.Split split(String from, String to) {
        return range(from, to).split();
    }
}
