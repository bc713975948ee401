package no.samhandling.discharge.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Numbers and dates as a Norwegian reader writes them: a no-break space between thousands and a decimal
 * comma ("1 234,5"), a minus sign before a fall, dates as "01.12.2026". For the screen; the CSV keeps
 * spreadsheet numbers ({@link #forSpreadsheet}).
 */
final class NorwegianFormat {

    static final String NOT_AVAILABLE = "ikke tilgjengelig";
    static final String SUPPRESSED = "< 5";
    /** Between thousands: a no-break space, so "1 234" never breaks over two lines. */
    static final char THOUSANDS = '\u00A0';
    /** A typographic minus, read out as "minus" by screen readers. */
    static final char MINUS = '\u2212';

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    private NorwegianFormat() {
    }

    /** A whole number, e.g. 12345 → "12 345". */
    static String whole(long value) {
        return decimal(BigDecimal.valueOf(value), 0);
    }

    /** Rounded half up to {@code decimals} places, e.g. (1234.56, 1) → "1 234,6". */
    static String decimal(BigDecimal value, int decimals) {
        BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_UP);
        String digits = rounded.abs().toPlainString();
        String integer = rounded.abs().toBigInteger().toString();
        String fraction = digits.substring(integer.length()).replace('.', ',');
        return (rounded.signum() < 0 ? String.valueOf(MINUS) : "") + grouped(integer) + fraction;
    }

    /** A change with its sign: "+1,2", "−0,4", "0,0". */
    static String change(BigDecimal value, int decimals) {
        String text = decimal(value, decimals);
        return value.setScale(decimals, RoundingMode.HALF_UP).signum() > 0 ? "+" + text : text;
    }

    /** Whole kroner: "27 732 kr". */
    static String kroner(BigDecimal value) {
        return decimal(value, 0) + " kr";
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** For a Norwegian spreadsheet: no thousands separator, a decimal comma, an ASCII minus. */
    static String forSpreadsheet(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    private static String grouped(String integer) {
        StringBuilder text = new StringBuilder();
        int length = integer.length();
        for (int i = 0; i < length; i++) {
            if (i > 0 && (length - i) % 3 == 0) {
                text.append(THOUSANDS);
            }
            text.append(integer.charAt(i));
        }
        return text.toString();
    }
}
