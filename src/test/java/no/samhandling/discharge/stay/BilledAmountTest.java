package no.samhandling.discharge.stay;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class BilledAmountTest {

    private static final Map<Integer, BigDecimal> RATES = Map.of(2023, new BigDecimal("5508"), 2024, new BigDecimal("5745"));

    @Test
    void eachDayIsBilledAtItsOwnYearsRate() {
        TreeMap<YearMonth, Integer> days = new TreeMap<>(Map.of(YearMonth.of(2023, 12), 2, YearMonth.of(2024, 1), 2));
        assertThat(BilledAmount.of(days, RATES)).isEqualTo(new BilledAmount(new BigDecimal("22506.00"), java.util.List.of()));
    }

    @Test
    void aYearWithoutARateMakesTheAmountUnknownAndIsNamed() {
        TreeMap<YearMonth, Integer> days = new TreeMap<>(Map.of(YearMonth.of(2024, 12), 2, YearMonth.of(2025, 1), 1,
                YearMonth.of(2013, 5), 1));
        BilledAmount amount = BilledAmount.of(days, RATES);
        assertThat(amount.nok()).isNull();
        assertThat(amount.unknownRateYears()).containsExactly(2013, 2025);
        assertThat(amount.plus(BilledAmount.NOTHING).unknownRateYears()).containsExactly(2013, 2025);
    }

    @Test
    void noBillableDaysCostNothingWhateverTheRates() {
        assertThat(BilledAmount.of(new TreeMap<>(Map.of(YearMonth.of(2025, 3), 0)), Map.of())).isEqualTo(BilledAmount.NOTHING);
        assertThat(BilledAmount.NOTHING.plus(new BilledAmount(new BigDecimal("5745.00"), java.util.List.of())).nok())
                .isEqualByComparingTo("5745");
    }

    @Test
    void theRulesVersionNamesTheConfiguredRulesAndReadsBack() {
        DayCountingRules rules = new DayCountingRules(java.time.Duration.ofHours(36), true);
        assertThat(rules.version()).isEqualTo("v1;admission-notice-deadline=PT36H;later-notice-when-need-arose=true");
        assertThat(DayCountingRules.ofVersion(rules.version())).isEqualTo(rules);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DayCountingRules.ofVersion("v0;x=1;y=2"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
