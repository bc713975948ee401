package no.samhandling.discharge.dashboard;

import no.samhandling.discharge.dashboard.StatisticsReading.GroupReading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The table on the screen as CSV for a Norwegian spreadsheet, in the order shown: ';' between fields, a decimal
 * comma, UTF-8 with a byte order mark (so Excel reads æøå), CRLF; hidden cells "< 5", unknown ones empty.
 */
final class DashboardCsv {

    static final String BOM = "\uFEFF";

    private DashboardCsv() {
    }

    static String of(List<GroupReading> rows, Rate rate, LocalDate from, LocalDate to) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, List.of("Kommunenummer", "Kommune", "Fra", "Til", "Overliggerdøgn", "Overliggerdøgn per 1000 innbyggere (" + rate.label + ")",
                "Endring per 1000 fra forrige periode", "Betalingsdøgn", "Fakturert beløp (NOK)", "Innbyggere"));
        for (GroupReading row : rows) {
            line(csv, List.of(row.key(), row.name(), NorwegianFormat.date(from), NorwegianFormat.date(to), count(row, row.dischargeReadyDays()),
                    Cells.spreadsheet(row, row.per1000(rate), Cells.RATE_DECIMALS), change(row, rate), count(row, row.billableDays()),
                    Cells.spreadsheet(row, row.billedAmount(), 2), row.population() == null ? "" : row.population().toString()));
        }
        return csv.toString();
    }

    private static String count(GroupReading row, Long value) {
        if (row.suppressed()) {
            return NorwegianFormat.SUPPRESSED;
        }
        return value == null ? "" : value.toString();
    }

    private static String change(GroupReading row, Rate rate) {
        if (row.suppressed() || row.previousSuppressed()) {
            return Cells.HIDDEN_CHANGE;
        }
        return row.changePer1000(rate) == null ? "" : NorwegianFormat.forSpreadsheet(row.changePer1000(rate), Cells.RATE_DECIMALS);
    }

    private static void line(StringBuilder csv, List<String> fields) {
        List<String> quoted = new ArrayList<>();
        for (String field : fields) {
            quoted.add(field.contains(";") || field.contains("\"") ? '"' + field.replace("\"", "\"\"") + '"' : field);
        }
        csv.append(String.join(";", quoted)).append("\r\n");
    }
}
