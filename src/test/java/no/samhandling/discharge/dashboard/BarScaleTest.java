package no.samhandling.discharge.dashboard;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class BarScaleTest {

    @Test
    void aBarIsItsValueAsAShareOfTheLargestInWholePercent() {
        assertThat(BarScale.percent(new BigDecimal("5"), new BigDecimal("20"))).isEqualTo(25);
        assertThat(BarScale.percent(new BigDecimal("20"), new BigDecimal("20"))).isEqualTo(100);
        assertThat(BarScale.percent(new BigDecimal("1"), new BigDecimal("3"))).isEqualTo(33);
        assertThat(BarScale.percent(new BigDecimal("2"), new BigDecimal("3"))).isEqualTo(67);
    }

    @Test
    void nothingUnknownOrNegativeHasNoBarAndNoneIsLongerThanTheWhole() {
        assertThat(BarScale.percent(null, new BigDecimal("20"))).isZero();
        assertThat(BarScale.percent(new BigDecimal("5"), null)).isZero();
        assertThat(BarScale.percent(new BigDecimal("5"), BigDecimal.ZERO)).isZero();
        assertThat(BarScale.percent(BigDecimal.ZERO, new BigDecimal("20"))).isZero();
        assertThat(BarScale.percent(new BigDecimal("-1"), new BigDecimal("20"))).isZero();
        assertThat(BarScale.percent(new BigDecimal("30"), new BigDecimal("20"))).isEqualTo(100);
        assertThat(BarScale.percent(new BigDecimal("0.01"), new BigDecimal("-5"))).isZero();
    }
}
