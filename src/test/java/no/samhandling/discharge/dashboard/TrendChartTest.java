package no.samhandling.discharge.dashboard;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrendChartTest {

    @Test
    void theAxisEndsAtTheRoundNumberAboveTheLargestValue() {
        assertThat(TrendChart.roundAbove(0)).isEqualTo(1);
        assertThat(TrendChart.roundAbove(-3)).isEqualTo(1);
        assertThat(TrendChart.roundAbove(1)).isEqualTo(1);
        assertThat(TrendChart.roundAbove(1.2)).isEqualTo(2);
        assertThat(TrendChart.roundAbove(2)).isEqualTo(2);
        assertThat(TrendChart.roundAbove(2.2)).isEqualTo(2.5);
        assertThat(TrendChart.roundAbove(2.5)).isEqualTo(2.5);
        assertThat(TrendChart.roundAbove(3)).isEqualTo(5);
        assertThat(TrendChart.roundAbove(5)).isEqualTo(5);
        assertThat(TrendChart.roundAbove(7)).isEqualTo(10);
        assertThat(TrendChart.roundAbove(0.3)).isEqualTo(0.5);
        assertThat(TrendChart.roundAbove(130)).isEqualTo(200);
        assertThat(TrendChart.roundAbove(70)).isEqualTo(100);
    }

    @Test
    void eachMonthWithAValueIsAColumnInItsOwnBandScaledToTheAxis() {
        List<TrendChart.Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(new TrendChart.Month(YearMonth.of(2017, m), m == 1 ? new BigDecimal("2") : m == 3 ? new BigDecimal("1") : null));
        }
        months.add(new TrendChart.Month(YearMonth.of(2016, 12), new BigDecimal("50")));
        TrendChart.Geometry chart = TrendChart.of(2017, months, List.of());
        // Plot: x 56..704 (54 per month), y 24..228 (204 high); axis to 2.
        assertThat(chart.columns()).containsExactly(
                new TrendChart.Column("66.8", "24.0", "32.4", "204.0", "jan: 2,0"),
                new TrendChart.Column("174.8", "126.0", "32.4", "102.0", "mar: 1,0"));
        assertThat(chart.ticks()).extracting(TrendChart.Tick::label).containsExactly("0,0", "0,5", "1,0", "1,5", "2,0");
        assertThat(chart.ticks()).extracting(TrendChart.Tick::y).containsExactly("228.0", "177.0", "126.0", "75.0", "24.0");
        assertThat(chart.months()).hasSize(12).first().isEqualTo(new TrendChart.MonthLabel("83.0", "jan"));
        assertThat(chart.months().getLast()).isEqualTo(new TrendChart.MonthLabel("677.0", "des"));
        assertThat(chart).extracting(TrendChart.Geometry::width, TrendChart.Geometry::height, TrendChart.Geometry::plotLeft,
                TrendChart.Geometry::plotRight, TrendChart.Geometry::plotBottom, TrendChart.Geometry::plotTop)
                .containsExactly(720, 260, "56.0", "704.0", "228.0", "24.0");
    }

    @Test
    void anInterventionIsALineWhereItStartedInItsMonth() {
        TrendChart.Geometry chart = TrendChart.of(2017, List.of(), List.of(new TrendChart.Marker(LocalDate.of(2017, 3, 1), "Inntaksteam"),
                new TrendChart.Marker(LocalDate.of(2017, 2, 15), "Samlokalisering"), new TrendChart.Marker(LocalDate.of(2016, 5, 1), "Før")));
        assertThat(chart.markers()).containsExactly(new TrendChart.Line("164.0", "01.03.2017: Inntaksteam"),
                new TrendChart.Line("137.0", "15.02.2017: Samlokalisering"));
        assertThat(chart.columns()).isEmpty();
        assertThat(chart.ticks()).extracting(TrendChart.Tick::label).as("quarters of 1 keep their second decimal")
                .containsExactly("0,0", "0,25", "0,5", "0,75", "1,0");
    }
}
