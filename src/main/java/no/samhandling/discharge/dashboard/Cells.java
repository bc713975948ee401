package no.samhandling.discharge.dashboard;

import no.samhandling.discharge.dashboard.StatisticsReading.GroupReading;

import java.math.BigDecimal;

/**
 * One figure of a group as the table shows it: hidden counts as "< 5" (fewer than 5 patients, for board
 * members), figures the answer does not carry as "ikke tilgjengelig", a change next to a hidden range as "skjult".
 */
final class Cells {

    static final String HIDDEN_CHANGE = "skjult";
    static final int RATE_DECIMALS = 1;

    private Cells() {
    }

    static String count(GroupReading group, Long value) {
        return count(group.suppressed(), value);
    }

    static String count(boolean suppressed, Long value) {
        if (suppressed) {
            return NorwegianFormat.SUPPRESSED;
        }
        return value == null ? NorwegianFormat.NOT_AVAILABLE : NorwegianFormat.whole(value);
    }

    static String rate(GroupReading group, BigDecimal value) {
        return rate(group.suppressed(), value);
    }

    static String rate(boolean suppressed, BigDecimal value) {
        if (suppressed) {
            return NorwegianFormat.SUPPRESSED;
        }
        return value == null ? NorwegianFormat.NOT_AVAILABLE : NorwegianFormat.decimal(value, RATE_DECIMALS);
    }

    static String change(GroupReading group, BigDecimal value) {
        if (group.suppressed() || group.previousSuppressed()) {
            return HIDDEN_CHANGE;
        }
        return value == null ? NorwegianFormat.NOT_AVAILABLE : NorwegianFormat.change(value, RATE_DECIMALS);
    }

    static String money(GroupReading group, BigDecimal value) {
        if (group.suppressed()) {
            return NorwegianFormat.SUPPRESSED;
        }
        return value == null ? NorwegianFormat.NOT_AVAILABLE : NorwegianFormat.kroner(value);
    }

    /** The population is never hidden: it is public (SSB) and says nothing about patients. */
    static String population(Long value) {
        return value == null ? NorwegianFormat.NOT_AVAILABLE : NorwegianFormat.whole(value);
    }

    /** For the CSV: "< 5" when hidden, empty when unknown, else a spreadsheet number. */
    static String spreadsheet(GroupReading group, BigDecimal value, int decimals) {
        if (group.suppressed()) {
            return NorwegianFormat.SUPPRESSED;
        }
        return value == null ? "" : NorwegianFormat.forSpreadsheet(value, decimals);
    }
}
