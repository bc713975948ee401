package no.samhandling.discharge.reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily rate (døgnpris) is set each year in the state budget (forskrift om kommunal betaling for
 * utskrivningsklare pasienter § 13 gives the liability; the amount comes from the budget). The scheme
 * started in 2012; a budget may set next year's rate before New Year, so an administrator may enter
 * it up to one year ahead.
 */
public final class DailyRateRules {

    public static final int FIRST_YEAR = 2012;
    /** Far above any rate so far (5 745 NOK in 2024): a guard against a typo of an extra digit or two. */
    public static final BigDecimal HIGHEST_PLAUSIBLE_RATE = new BigDecimal("50000");

    private DailyRateRules() {
    }

    public static List<ReferenceDataError> validate(int year, int currentYear, BigDecimal nokPerDay, String source) {
        List<ReferenceDataError> errors = new ArrayList<>();
        if (year < FIRST_YEAR || year > currentYear + 1) {
            errors.add(new ReferenceDataError("year", "must be between " + FIRST_YEAR + " and " + (currentYear + 1)));
        }
        if (nokPerDay == null) {
            errors.add(new ReferenceDataError("nokPerDay", "is required"));
        } else if (nokPerDay.signum() <= 0) {
            errors.add(new ReferenceDataError("nokPerDay", "must be more than 0 NOK"));
        } else if (nokPerDay.compareTo(HIGHEST_PLAUSIBLE_RATE) > 0) {
            errors.add(new ReferenceDataError("nokPerDay", "must be at most " + HIGHEST_PLAUSIBLE_RATE.toPlainString() + " NOK"));
        } else if (nokPerDay.stripTrailingZeros().scale() > 2) {
            errors.add(new ReferenceDataError("nokPerDay", "must have at most 2 decimals (øre)"));
        }
        ReferenceDataError.checkSource(source, errors);
        return errors;
    }

    /** The years from {@link #FIRST_YEAR} to {@code currentYear} that have no rate: unknown, never guessed. */
    public static List<Integer> unknownYears(java.util.Collection<Integer> knownYears, int currentYear) {
        List<Integer> unknown = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= currentYear; year++) {
            if (!knownYears.contains(year)) {
                unknown.add(year);
            }
        }
        return unknown;
    }
}
