package no.samhandling.discharge.statistics;

import no.samhandling.discharge.statistics.StatisticsViews.DischargeReadyDayStatistics;
import no.samhandling.discharge.statistics.StatisticsViews.GroupFigures;
import no.samhandling.discharge.statistics.StatisticsViews.PeriodFigures;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The statistics as CSV for a Norwegian spreadsheet (Excel, LibreOffice with Norwegian settings): ';' between
 * fields, ',' as the decimal mark, UTF-8 with a byte order mark (so Excel reads æøå), CRLF line ends, a header
 * in Norwegian bokmål, one row per group; a suppressed count is "< 5" (fewer than 5 patients, or hidden so that such a
 * count cannot be worked out), an unknown figure empty.
 */
final class StatisticsCsv {

    static final String BOM = "\uFEFF";
    static final String HIDDEN = "< 5";
    static final List<String> HEADER = List.of("Gruppe", "Navn", "Fra", "Til", "Overliggerdøgn", "Betalingsdøgn", "Opphold", "Pasienter",
            "Fakturert beløp (NOK)", "År uten kjent døgnpris", "Innbyggere", "Befolkningsår", "Overliggerdøgn per 1000 innbyggere",
            "Betalingsdøgn per 1000 innbyggere", "Skjult (personvern)", "Forrige periode fra", "Forrige periode til",
            "Overliggerdøgn forrige periode", "Betalingsdøgn forrige periode", "Overliggerdøgn per 1000 forrige periode",
            "Endring overliggerdøgn", "Endring betalingsdøgn", "Endring overliggerdøgn per 1000",
            "Gjennomsnittlig overliggerdøgn per opphold", "Overliggerdøgn per 1000 aldersstandardisert",
            "Betalingsdøgn per 1000 aldersstandardisert", "Standardbefolkning (år)", "Overliggerdøgn med ukjent alder",
            "Kostnad i sykehusseng (NOK)", "Kostnad i kommunal seng (NOK)", "Overliggerdøgn uten kommunalt omsorgsnivå",
            "Endring overliggerdøgn per 1000 aldersstandardisert", "Ustabil rate", "Hvorfor ustabil", "Tjenesteområde");

    private StatisticsCsv() {
    }

    static String of(DischargeReadyDayStatistics answer) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, HEADER);
        for (GroupFigures group : answer.groups()) {
            row(csv, answer, group, group.current(), group.previous(), group.change(), "alle");
            if (group.serviceAreas() != null) {
                for (var area : group.serviceAreas()) {
                    row(csv, answer, group, area.current(), area.previous(), area.change(), area.serviceArea().code());
                }
            }
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, DischargeReadyDayStatistics answer, GroupFigures group, PeriodFigures c, PeriodFigures p,
                            StatisticsViews.Change change, String serviceArea) {
        List<String> fields = new java.util.ArrayList<>(List.of(group.key(), group.name(), answer.from().toString(), answer.to().toString(),
                    count(c, c.dischargeReadyDays()), count(c, c.billableDays()), count(c, c.stays()), count(c, c.patients()),
                    c.suppressed() ? HIDDEN : decimal(c.billedAmount()), years(c.unknownRateYears()), whole(c.population()),
                    years(c.populationYears()), c.suppressed() ? HIDDEN : decimal(c.dischargeReadyDaysPer1000()),
                    c.suppressed() ? HIDDEN : decimal(c.billableDaysPer1000()), c.suppressed() ? "ja" : "nei",
                    answer.previousFrom().toString(), answer.previousTo().toString(),
                    count(p, p.dischargeReadyDays()), count(p, p.billableDays()), p.suppressed() ? HIDDEN : decimal(p.dischargeReadyDaysPer1000()),
                    change == null ? "" : whole(change.dischargeReadyDays()), change == null ? "" : whole(change.billableDays()),
                    change == null ? "" : decimal(change.dischargeReadyDaysPer1000())));
        fields.addAll(List.of(hidden(c, c.meanDaysPerStay()), hidden(c, c.dischargeReadyDaysPer1000Standardised()),
                hidden(c, c.billableDaysPer1000Standardised()), String.valueOf(answer.standardPopulationYear()), count(c, c.unknownAgeDays()),
                c.suppressed() ? HIDDEN : decimal(c.realCost().hospitalBedCost()), c.suppressed() ? HIDDEN : decimal(c.realCost().municipalBedCost()),
                c.suppressed() ? HIDDEN : String.valueOf(c.realCost().daysWithoutCareLevel()),
                change == null ? "" : decimal(change.dischargeReadyDaysPer1000Standardised()),
                c.unstableRate() ? "ja" : "nei", c.unstableRateReason() == null ? "" : c.unstableRateReason(), serviceArea));
        line(csv, fields);
    }

    private static String hidden(PeriodFigures figures, BigDecimal value) {
        return figures.suppressed() ? HIDDEN : decimal(value);
    }

    private static String count(PeriodFigures figures, Long value) {
        return figures.suppressed() ? HIDDEN : whole(value);
    }

    static String whole(Long value) {
        return value == null ? "" : value.toString();
    }

    static String decimal(BigDecimal value) {
        return value == null ? "" : value.toPlainString().replace('.', ',');
    }

    private static String years(List<Integer> years) {
        return years == null ? "" : years.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    static void line(StringBuilder csv, List<String> fields) {
        csv.append(fields.stream().map(StatisticsCsv::field).collect(Collectors.joining(";"))).append("\r\n");
    }

    private static String field(String value) {
        if (value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
