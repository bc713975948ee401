package no.samhandling.discharge.reference;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DailyRateRulesTest {

    private static final int THIS_YEAR = 2026;

    private static List<String> fields(List<ReferenceDataError> errors) {
        return errors.stream().map(ReferenceDataError::field).toList();
    }

    @Test
    void aPublishedRateIsAccepted() {
        assertThat(DailyRateRules.validate(2024, THIS_YEAR, new BigDecimal("5745"), "Helsedirektoratet")).isEmpty();
    }

    @Test
    void nextYearsRateMayBeEnteredFromTheBudgetButNotLater() {
        assertThat(DailyRateRules.validate(2027, THIS_YEAR, new BigDecimal("6000"), "Prop. 1 S")).isEmpty();
        assertThat(fields(DailyRateRules.validate(2028, THIS_YEAR, new BigDecimal("6000"), "Prop. 1 S"))).containsExactly("year");
    }

    @Test
    void noRateBeforeTheSchemeStartedIn2012() {
        assertThat(fields(DailyRateRules.validate(2011, THIS_YEAR, new BigDecimal("4000"), "x"))).containsExactly("year");
        assertThat(DailyRateRules.validate(2012, THIS_YEAR, new BigDecimal("4000"), "x")).isEmpty();
    }

    @Test
    void rateMustBePositivePlausibleAndInWholeOre() {
        assertThat(fields(DailyRateRules.validate(2024, THIS_YEAR, BigDecimal.ZERO, "x"))).containsExactly("nokPerDay");
        assertThat(fields(DailyRateRules.validate(2024, THIS_YEAR, new BigDecimal("-1"), "x"))).containsExactly("nokPerDay");
        assertThat(fields(DailyRateRules.validate(2024, THIS_YEAR, new BigDecimal("574500"), "x"))).containsExactly("nokPerDay");
        assertThat(fields(DailyRateRules.validate(2024, THIS_YEAR, new BigDecimal("5745.001"), "x"))).containsExactly("nokPerDay");
        assertThat(DailyRateRules.validate(2024, THIS_YEAR, new BigDecimal("5745.50"), "x")).isEmpty();
        assertThat(fields(DailyRateRules.validate(2024, THIS_YEAR, null, "x"))).containsExactly("nokPerDay");
    }

    @Test
    void everyRateNamesItsSource() {
        assertThat(fields(DailyRateRules.validate(2024, THIS_YEAR, new BigDecimal("5745"), null))).containsExactly("source");
        assertThat(fields(DailyRateRules.validate(2024, THIS_YEAR, new BigDecimal("5745"), "  "))).containsExactly("source");
        assertThat(fields(DailyRateRules.validate(2024, THIS_YEAR, new BigDecimal("5745"), "x".repeat(301)))).containsExactly("source");
    }

    @Test
    void yearsWithoutARateUpToThisYearAreUnknown() {
        List<Integer> published = List.of(2012, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024);
        assertThat(DailyRateRules.unknownYears(published, THIS_YEAR)).containsExactly(2013, 2025, 2026);
        assertThat(DailyRateRules.unknownYears(List.of(2027), 2013)).containsExactly(2012, 2013);
    }

    @Test
    void fiftyThousandNokIsTheHighestPlausibleRate() {
        assertThat(DailyRateRules.validate(2024, THIS_YEAR, new BigDecimal("50000"), "x")).isEmpty();
        assertThat(DailyRateRules.validate(2024, THIS_YEAR, new BigDecimal("50000.00"), "x")).isEmpty();
        assertThat(DailyRateRules.validate(2024, THIS_YEAR, new BigDecimal("50000.01"), "x"))
                .containsExactly(new ReferenceDataError("nokPerDay", "must be at most 50000 NOK"));
    }

    @Test
    void aRateHasAtMostTwoDecimalsTheOre() {
        assertThat(DailyRateRules.validate(2024, THIS_YEAR, new BigDecimal("5745.25"), "x")).isEmpty();
        assertThat(DailyRateRules.validate(2024, THIS_YEAR, new BigDecimal("5745.250"), "x")).isEmpty();
        assertThat(DailyRateRules.validate(2024, THIS_YEAR, new BigDecimal("5745.255"), "x"))
                .containsExactly(new ReferenceDataError("nokPerDay", "must have at most 2 decimals (øre)"));
    }

    @Test
    void aYearOutOfRangeIsToldTheRangeUpToNextYear() {
        assertThat(DailyRateRules.validate(2011, THIS_YEAR, new BigDecimal("4000"), "x"))
                .containsExactly(new ReferenceDataError("year", "must be between 2012 and 2027"));
    }
}
