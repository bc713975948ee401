package no.samhandling.discharge.stay;

import java.time.LocalDate;

/**
 * One discharge-ready day (overliggerdøgn) of a period, in Europe/Oslo dates: billable (§ 13) or not, and
 * why not. Stored one row per date in {@code stay_day}, where statistics sum them per month and year.
 *
 * @param notBillableReason null when billable; else a {@link NonBillableReason} code when the period fails
 *                          §§ 8–10, {@link #BEFORE_NOTICE} or {@link #MUNICIPALITY_READY}
 */
public record DayFact(LocalDate date, boolean billable, String notBillableReason) {

    /** A day before the discharge-ready notice (§ 13: liability starts on the notice's date). */
    public static final String BEFORE_NOTICE = "before-notice";
    /** A day from the date the municipality can receive the patient on (§ 13: liability ends). */
    public static final String MUNICIPALITY_READY = "municipality-ready";
}
