package no.samhandling.discharge.dashboard;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class NorwegianFormatTest {

    private static final String NBSP = "\u00A0";

    @Test
    void thousandsAreSeparatedByANoBreakSpaceAndDecimalsByAComma() {
        assertThat(NorwegianFormat.decimal(new BigDecimal("1234.5"), 1)).isEqualTo("1" + NBSP + "234,5");
        assertThat(NorwegianFormat.decimal(new BigDecimal("1234567.25"), 2)).isEqualTo("1" + NBSP + "234" + NBSP + "567,25");
        assertThat(NorwegianFormat.whole(123)).isEqualTo("123");
        assertThat(NorwegianFormat.whole(1000)).isEqualTo("1" + NBSP + "000");
        assertThat(NorwegianFormat.whole(999_999)).isEqualTo("999" + NBSP + "999");
        assertThat(NorwegianFormat.whole(0)).isEqualTo("0");
    }

    @Test
    void roundsHalfUpToTheDecimalsShown() {
        assertThat(NorwegianFormat.decimal(new BigDecimal("0.25"), 1)).isEqualTo("0,3");
        assertThat(NorwegianFormat.decimal(new BigDecimal("0.24"), 1)).isEqualTo("0,2");
        assertThat(NorwegianFormat.decimal(new BigDecimal("7"), 1)).isEqualTo("7,0");
        assertThat(NorwegianFormat.decimal(new BigDecimal("27731.50"), 0)).isEqualTo("27" + NBSP + "732");
    }

    @Test
    void aFallHasAMinusSignARiseAPlusAndNoChangeNeither() {
        assertThat(NorwegianFormat.decimal(new BigDecimal("-1234.5"), 1)).isEqualTo("\u22121" + NBSP + "234,5");
        assertThat(NorwegianFormat.change(new BigDecimal("1.24"), 1)).isEqualTo("+1,2");
        assertThat(NorwegianFormat.change(new BigDecimal("-0.4"), 1)).isEqualTo("\u22120,4");
        assertThat(NorwegianFormat.change(new BigDecimal("0.04"), 1)).isEqualTo("0,0");
        assertThat(NorwegianFormat.change(new BigDecimal("-0.04"), 1)).isEqualTo("0,0");
    }

    @Test
    void kronerAreWholeAndDatesAreDayMonthYear() {
        assertThat(NorwegianFormat.kroner(new BigDecimal("27732.00"))).isEqualTo("27" + NBSP + "732 kr");
        assertThat(NorwegianFormat.date(LocalDate.of(2026, 12, 1))).isEqualTo("01.12.2026");
    }

    @Test
    void aSpreadsheetGetsNoThousandsSeparatorADecimalCommaAndAnAsciiMinus() {
        assertThat(NorwegianFormat.forSpreadsheet(new BigDecimal("-1234.56"), 1)).isEqualTo("-1234,6");
        assertThat(NorwegianFormat.forSpreadsheet(new BigDecimal("27732"), 2)).isEqualTo("27732,00");
    }

    @Property
    void readBackWithoutItsSeparatorsAWholeNumberIsItself(@ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long value) {
        String text = NorwegianFormat.whole(value);
        assertThat(Long.parseLong(text.replace(NBSP, "").replace('\u2212', '-'))).isEqualTo(value);
        assertThat(text).doesNotMatch(".*\\d{4}.*").doesNotStartWith(NBSP);
    }
}
