package no.samhandling.discharge.capacity;

import no.samhandling.discharge.time.OsloTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When a published figure is too old to trust: published more than {@code staleAfterDays} Europe/Oslo
 * calendar days before today (with 7, a figure published on Monday is fresh through next Monday and
 * stale on Tuesday). Like the NHS Capacity Tracker's "no more than a week out of date".
 */
public record Staleness(int staleAfterDays) {

    public Staleness {
        if (staleAfterDays < 0) {
            throw new IllegalArgumentException("staleAfterDays must be 0 or more, not " + staleAfterDays);
        }
    }

    public boolean isStale(Instant publishedAt, LocalDate today) {
        LocalDate publishedOn = publishedAt.atZone(OsloTime.ZONE).toLocalDate();
        return ChronoUnit.DAYS.between(publishedOn, today) > staleAfterDays;
    }
}
