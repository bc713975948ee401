package no.samhandling.discharge.statistics;

import no.samhandling.discharge.statistics.BeforeAndAfter.Comparison;
import no.samhandling.discharge.statistics.BeforeAndAfter.Periods;
import no.samhandling.discharge.statistics.BeforeAndAfter.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BeforeAndAfterTest {

    private static final String PER_1000 = "Utskrivningsklare døgn per 1000 innbyggere";

    @Test
    void aYearAfterAStartOnNewYearsDayIsComparedWithTheYearBefore() {
        Periods periods = BeforeAndAfter.periods(LocalDate.of(2022, 1, 1), 12, LocalDate.of(2024, 5, 1)).orElseThrow();
        assertThat(periods).isEqualTo(new Periods(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 12, 31), 365, false));
    }

    @Test
    void theBeforePeriodHasAsManyDaysAsTheAfterPeriod() {
        // 2024 is a leap year: twelve months from 1 March 2023 are 366 days, and so are the days before.
        Periods periods = BeforeAndAfter.periods(LocalDate.of(2023, 3, 1), 12, LocalDate.of(2025, 1, 1)).orElseThrow();
        assertThat(periods.days()).isEqualTo(366);
        assertThat(periods.afterTo()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(periods.beforeFrom()).isEqualTo(LocalDate.of(2022, 2, 28));
        assertThat(periods.beforeTo()).isEqualTo(LocalDate.of(2023, 2, 28));
    }

    @Test
    void anAfterPeriodNotOverYetEndsTodayAndIsPartialWithAsShortABeforePeriod() {
        Periods periods = BeforeAndAfter.periods(LocalDate.of(2026, 11, 1), 12, LocalDate.of(2026, 12, 1)).orElseThrow();
        assertThat(periods).isEqualTo(new Periods(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 1), 31, true));
    }

    @Test
    void anAfterPeriodEndingTodayIsComplete() {
        Periods periods = BeforeAndAfter.periods(LocalDate.of(2026, 11, 1), 1, LocalDate.of(2026, 11, 30)).orElseThrow();
        assertThat(periods.partial()).isFalse();
        assertThat(periods.afterTo()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(BeforeAndAfter.periods(LocalDate.of(2026, 11, 1), 1, LocalDate.of(2026, 11, 29)).orElseThrow().partial()).isTrue();
    }

    @Test
    void aMeasureStartingTodayHasOneDayAfterAndAMeasureStartingTomorrowNone() {
        LocalDate today = LocalDate.of(2026, 12, 1);
        Periods periods = BeforeAndAfter.periods(today, 12, today).orElseThrow();
        assertThat(periods).isEqualTo(new Periods(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30), today, today, 1, true));
        assertThat(BeforeAndAfter.periods(today.plusDays(1), 12, today)).isEmpty();
    }

    @Test
    void fewerThanOneMonthIsNoPeriod() {
        assertThatThrownBy(() -> BeforeAndAfter.periods(LocalDate.of(2022, 1, 1), 0, LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BeforeAndAfter.periods(LocalDate.of(2022, 1, 1), 1, LocalDate.of(2026, 1, 1)).orElseThrow().days()).isEqualTo(31);
    }

    @Test
    void ranaAfterItsIntakeTeam() {
        Comparison rana = BeforeAndAfter.compare(PER_1000, side("49.50"), side("20.40"), 1);
        assertThat(rana.change()).isEqualByComparingTo("-29.10");
        assertThat(rana.relativeChangePercent()).isEqualByComparingTo("-58.8");
        assertThat(rana.before()).isEqualByComparingTo("49.50");
        assertThat(rana.after()).isEqualByComparingTo("20.40");
        assertThat(rana.sentence()).isEqualTo("Utskrivningsklare døgn per 1000 innbyggere: 49,5 → 20,4 (\u221259 %)");
    }

    @Test
    void aRiseHasAPlusSignAndWholeCountsNoDecimals() {
        Comparison stays = BeforeAndAfter.compare("Opphold", Side.of(40L, false), Side.of(50L, false), 0);
        assertThat(stays.sentence()).isEqualTo("Opphold: 40 → 50 (+25 %)");
        assertThat(stays.relativeChangePercent()).isEqualByComparingTo("25.0");
        assertThat(stays.change()).isEqualByComparingTo("10");
    }

    @Test
    void theRelativeChangeIsRoundedHalfUpToOneDecimalAndTheSentenceToWholePercent() {
        Comparison third = BeforeAndAfter.compare("Opphold", Side.of(3L, false), Side.of(4L, false), 0);
        assertThat(third.relativeChangePercent()).isEqualByComparingTo("33.3");
        assertThat(third.sentence()).endsWith("(+33 %)");
        Comparison half = BeforeAndAfter.compare("Opphold", Side.of(200L, false), Side.of(201L, false), 0);
        assertThat(half.relativeChangePercent()).isEqualByComparingTo("0.5");
        assertThat(half.sentence()).endsWith("(+1 %)");
        Comparison small = BeforeAndAfter.compare("Opphold", Side.of(1000L, false), Side.of(999L, false), 0);
        assertThat(small.relativeChangePercent()).isEqualByComparingTo("-0.1");
        assertThat(small.sentence()).isEqualTo("Opphold: 1000 → 999 (0 %)");
    }

    @Test
    void noChangeIsZeroPerCent() {
        assertThat(BeforeAndAfter.compare("Opphold", Side.of(7L, false), Side.of(7L, false), 0).sentence()).isEqualTo("Opphold: 7 → 7 (0 %)");
    }

    @Test
    void fromNothingTheChangeHasNoPercentOnlyTheDifference() {
        Comparison fromZero = BeforeAndAfter.compare("Betalingsdøgn per 1000 innbyggere", side("0.00"), side("1.25"), 1);
        assertThat(fromZero.relativeChangePercent()).isNull();
        assertThat(fromZero.change()).isEqualByComparingTo("1.25");
        assertThat(fromZero.sentence()).isEqualTo("Betalingsdøgn per 1000 innbyggere: 0,0 → 1,3 (+1,3)");
        assertThat(BeforeAndAfter.compare("Opphold", Side.of(0L, false), Side.of(0L, false), 0).sentence()).isEqualTo("Opphold: 0 → 0 (0)");
        assertThat(BeforeAndAfter.compare("X", side("0.00"), side("-2.00"), 1).sentence()).isEqualTo("X: 0,0 → \u22122,0 (\u22122,0)");
    }

    @Test
    void aHiddenSideHidesTheChangeAndSaysSo() {
        Comparison hidden = BeforeAndAfter.compare(PER_1000, Side.of(new BigDecimal("3.10"), true), side("20.40"), 1);
        assertThat(hidden.before()).isNull();
        assertThat(hidden.change()).isNull();
        assertThat(hidden.relativeChangePercent()).isNull();
        assertThat(hidden.sentence()).isEqualTo(PER_1000 + ": skjult → 20,4");
        assertThat(BeforeAndAfter.compare("Opphold", Side.of(12L, false), Side.of(3L, true), 0).sentence()).isEqualTo("Opphold: 12 → skjult");
    }

    @Test
    void anUnknownSideIsSaidToBeUnknown() {
        Comparison unknown = BeforeAndAfter.compare(PER_1000, Side.of((BigDecimal) null, false), side("20.40"), 1);
        assertThat(unknown.change()).isNull();
        assertThat(unknown.sentence()).isEqualTo(PER_1000 + ": ukjent → 20,4");
        assertThat(BeforeAndAfter.compare("Opphold", Side.of(2L, false), Side.of((Long) null, false), 0).sentence())
                .isEqualTo("Opphold: 2 → ukjent");
    }

    @Test
    void theMeanDaysPerStayAreRoundedToTwoDecimalsAndUnknownWithoutStays() {
        assertThat(BeforeAndAfter.meanPerStay(11L, 3L)).isEqualByComparingTo("3.67");
        assertThat(BeforeAndAfter.meanPerStay(10L, 4L)).isEqualByComparingTo("2.50");
        assertThat(BeforeAndAfter.meanPerStay(0L, 0L)).isNull();
        assertThat(BeforeAndAfter.meanPerStay(null, 3L)).isNull();
        assertThat(BeforeAndAfter.meanPerStay(4L, null)).isNull();
    }

    @Test
    void norwegianNumbersHaveADecimalCommaAndATrueMinus() {
        assertThat(BeforeAndAfter.norwegian(new BigDecimal("-29.10"))).isEqualTo("\u221229,10");
        assertThat(BeforeAndAfter.norwegian(new BigDecimal("4.5"))).isEqualTo("4,5");
        assertThat(BeforeAndAfter.norwegian(BigDecimal.ZERO)).isEqualTo("0");
    }

    private static Side side(String value) {
        return Side.of(new BigDecimal(value), false);
    }
}
