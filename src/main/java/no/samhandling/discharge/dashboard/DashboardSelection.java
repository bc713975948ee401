package no.samhandling.discharge.dashboard;

import no.samhandling.discharge.statistics.Basis;
import no.samhandling.discharge.statistics.GroupBy;

import java.time.LocalDate;

/**
 * What the board picked: a health partnership (or, without one, the whole region), a year, a basis and a rate.
 * The year runs from 1 January to 31 December, or to today while it lasts.
 */
record DashboardSelection(String healthPartnership, int year, Basis basis, Rate rate) {

    /** The payment scheme, and so the first discharge-ready days to count, began on 1 January 2012. */
    static final int FIRST_YEAR = 2012;

    LocalDate from() {
        return LocalDate.of(year, 1, 1);
    }

    LocalDate to(LocalDate today) {
        LocalDate end = LocalDate.of(year, 12, 31);
        return end.isAfter(today) ? today : end;
    }

    boolean wholeRegion() {
        return healthPartnership == null;
    }

    /** The grouping that gives the one total of the selection. */
    GroupBy total() {
        return wholeRegion() ? GroupBy.REGION : GroupBy.HEALTH_PARTNERSHIP;
    }

    /** The query string that selects the same again (for the CSV link and the form). */
    String query() {
        return "healthPartnership=" + (wholeRegion() ? "" : healthPartnership) + "&year=" + year + "&basis=" + basis.code()
                + "&rate=" + rate.code();
    }
}
