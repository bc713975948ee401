package no.samhandling.discharge.statistics;

import no.samhandling.discharge.statistics.StatisticsViews.Trend;
import no.samhandling.discharge.statistics.StatisticsViews.TrendGroup;
import no.samhandling.discharge.statistics.StatisticsViews.TrendPoint;

import java.math.BigDecimal;
import java.util.List;

/**
 * The trend as CSV for a Norwegian spreadsheet, as {@link StatisticsCsv} writes the table: ';' between fields, decimal
 * comma, UTF-8 with a byte order mark, CRLF, a header in bokmål; one row per group and interval. A hidden interval's
 * counts and rates are "< 5", its population (public figures) is shown; an unknown figure is empty.
 */
final class TrendCsv {

    static final List<String> HEADER = List.of("Gruppe", "Navn", "Periode", "Fra", "Til", "Overliggerdøgn", "Betalingsdøgn", "Innbyggere",
            "Overliggerdøgn per 1000 innbyggere", "Betalingsdøgn per 1000 innbyggere", "Overliggerdøgn per 1000 aldersstandardisert",
            "Betalingsdøgn per 1000 aldersstandardisert", "Standardbefolkning (år)", "Overliggerdøgn med ukjent alder", "Skjult (personvern)");

    private TrendCsv() {
    }

    static String of(Trend trend) {
        StringBuilder csv = new StringBuilder(StatisticsCsv.BOM);
        StatisticsCsv.line(csv, HEADER);
        for (TrendGroup group : trend.groups()) {
            for (TrendPoint point : group.points()) {
                boolean hidden = point.suppressed();
                StatisticsCsv.line(csv, List.of(group.key(), group.name(), point.label(), point.from().toString(), point.to().toString(),
                        hidden ? StatisticsCsv.HIDDEN : StatisticsCsv.whole(point.dischargeReadyDays()),
                        hidden ? StatisticsCsv.HIDDEN : StatisticsCsv.whole(point.billableDays()), StatisticsCsv.whole(point.population()),
                        decimal(hidden, point.dischargeReadyDaysPer1000()), decimal(hidden, point.billableDaysPer1000()),
                        decimal(hidden, point.dischargeReadyDaysPer1000Standardised()), decimal(hidden, point.billableDaysPer1000Standardised()),
                        String.valueOf(trend.standardPopulationYear()),
                        hidden ? StatisticsCsv.HIDDEN : StatisticsCsv.whole(point.unknownAgeDays()), hidden ? "ja" : "nei"));
            }
        }
        return csv.toString();
    }

    private static String decimal(boolean hidden, BigDecimal value) {
        return hidden ? StatisticsCsv.HIDDEN : StatisticsCsv.decimal(value);
    }
}
