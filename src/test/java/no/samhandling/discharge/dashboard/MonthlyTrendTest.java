package no.samhandling.discharge.dashboard;

import no.samhandling.discharge.dashboard.DashboardPage.TrendRow;
import no.samhandling.discharge.dashboard.StatisticsReading.MonthReading;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MonthlyTrendTest {

    private static final List<MonthReading> SPRING_2021 = List.of(
            new MonthReading(YearMonth.of(2021, 1), true, null, null, null),
            new MonthReading(YearMonth.of(2021, 2), false, 1234L, new BigDecimal("1.25"), new BigDecimal("1.40")),
            new MonthReading(YearMonth.of(2021, 3), false, 40L, null, null),
            new MonthReading(YearMonth.of(2021, 4), false, 12L, new BigDecimal("0.31"), new BigDecimal("0.29")),
            new MonthReading(YearMonth.of(2021, 5), false, 9L, new BigDecimal("0.20"), new BigDecimal("0.22")));

    @Test
    void aHiddenMonthHasNoColumnAndReadsAsFewerThanFiveInTheTableAsAHiddenCountDoes() {
        MonthlyTrend trend = MonthlyTrend.of(2021, LocalDate.of(2021, 12, 31), SPRING_2021, Rate.CRUDE);
        assertThat(trend.chart().getFirst()).isEqualTo(new TrendChart.Month(YearMonth.of(2021, 1), null));
        assertThat(trend.table().getFirst()).isEqualTo(new TrendRow("jan", "< 5", "< 5"));
        assertThat(trend.table().get(1)).isEqualTo(new TrendRow("feb", "1\u00A0234", "1,3"));
        assertThat(trend.chart().get(1).value()).isEqualByComparingTo("1.25");
    }

    @Test
    void aMonthWithoutARateIsShownWithoutAColumnAndItsRateAsNotAvailable() {
        MonthlyTrend trend = MonthlyTrend.of(2021, LocalDate.of(2021, 12, 31), SPRING_2021, Rate.CRUDE);
        assertThat(trend.chart().get(2).value()).isNull();
        assertThat(trend.table().get(2)).isEqualTo(new TrendRow("mar", "40", "ikke tilgjengelig"));
    }

    @Test
    void theChosenRateIsTheOneCharted() {
        MonthlyTrend trend = MonthlyTrend.of(2021, LocalDate.of(2021, 12, 31), SPRING_2021, Rate.AGE_STANDARDISED);
        assertThat(trend.chart().get(1).value()).isEqualByComparingTo("1.40");
        assertThat(trend.table().get(3)).isEqualTo(new TrendRow("apr", "12", "0,3"));
    }

    @Test
    void monthsStillToComeAndMonthsTheTrendDoesNotCarryHaveADashAndNoColumn() {
        MonthlyTrend trend = MonthlyTrend.of(2021, LocalDate.of(2021, 4, 30), SPRING_2021, Rate.CRUDE);
        assertThat(trend.chart()).hasSize(12).extracting(TrendChart.Month::month)
                .containsExactly(YearMonth.of(2021, 1), YearMonth.of(2021, 2), YearMonth.of(2021, 3), YearMonth.of(2021, 4), YearMonth.of(2021, 5),
                        YearMonth.of(2021, 6), YearMonth.of(2021, 7), YearMonth.of(2021, 8), YearMonth.of(2021, 9), YearMonth.of(2021, 10),
                        YearMonth.of(2021, 11), YearMonth.of(2021, 12));
        assertThat(trend.table().get(3)).as("April has begun").isEqualTo(new TrendRow("apr", "12", "0,3"));
        assertThat(trend.table().get(4)).as("May has not, whatever the trend says").isEqualTo(new TrendRow("mai", "–", "–"));
        assertThat(trend.chart().get(4).value()).isNull();
        assertThat(trend.table().getLast()).isEqualTo(new TrendRow("des", "–", "–"));
        assertThat(trend.chart().stream().filter(m -> m.value() != null)).hasSize(2);
    }

    @Test
    void aTrendOfAnotherYearFillsNoMonth() {
        MonthlyTrend trend = MonthlyTrend.of(2022, LocalDate.of(2022, 12, 31), SPRING_2021, Rate.CRUDE);
        assertThat(trend.table()).extracting(TrendRow::dischargeReadyDays).containsOnly("–");
        assertThat(trend.chart()).extracting(TrendChart.Month::value).containsOnlyNulls();
    }
}
