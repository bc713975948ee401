package no.samhandling.discharge.dashboard;

import no.samhandling.discharge.dashboard.DashboardPage.TrendRow;
import no.samhandling.discharge.dashboard.StatisticsReading.MonthReading;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The twelve months of the selected year from the trend of its total: a column for each month shown, and the
 * chart's table alternative with a hidden month as "< 5", as the municipalities' table shows a hidden count, and a
 * month still to come (or one the trend does not carry) as "–".
 */
record MonthlyTrend(List<TrendChart.Month> chart, List<TrendRow> table) {

    static final String NO_FIGURES = "–";

    static MonthlyTrend of(int year, LocalDate today, List<MonthReading> readings, Rate rate) {
        Map<YearMonth, MonthReading> byMonth = readings.stream().collect(Collectors.toMap(MonthReading::month, Function.identity()));
        List<TrendChart.Month> chart = new ArrayList<>();
        List<TrendRow> table = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            String name = TrendChart.MONTHS.get(m - 1);
            MonthReading figures = month.atDay(1).isAfter(today) ? null : byMonth.get(month);
            if (figures == null) {
                chart.add(new TrendChart.Month(month, null));
                table.add(new TrendRow(name, NO_FIGURES, NO_FIGURES));
                continue;
            }
            chart.add(new TrendChart.Month(month, figures.suppressed() ? null : figures.per1000(rate)));
            table.add(new TrendRow(name, Cells.count(figures.suppressed(), figures.dischargeReadyDays()),
                    Cells.rate(figures.suppressed(), figures.per1000(rate))));
        }
        return new MonthlyTrend(List.copyOf(chart), List.copyOf(table));
    }
}
