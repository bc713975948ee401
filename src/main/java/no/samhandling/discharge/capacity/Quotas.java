package no.samhandling.discharge.capacity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The quota arithmetic of a bed pool (issue 11, item 2): a participating municipality may have a quota of
 * bed-days (liggedøgn) per period, and an allocation that would take it over the quota in any period is
 * refused. A day counts when it lies in the period and in an allocation; an allocation until discharge
 * counts to the end of the period, since the bed is held for the patient until then.
 */
public final class Quotas {

    private Quotas() {
    }

    /** Bed-days a participant may use from a day through a day (both included). */
    public record Quota(LocalDate from, LocalDate through, int bedDays) {
        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(through);
        }
    }

    /** Days in a bed, from a day through a day, or until discharge when {@code through} is null. */
    public record Days(LocalDate from, LocalDate through) {
    }

    /** A quota the request would exceed: what it allows, what is booked in its period already, what the request adds. */
    public record Excess(Quota quota, long used, long requested) {
    }

    /** How many of the days lie in the quota's period. */
    public static long daysWithin(Days days, Quota quota) {
        LocalDate first = days.from().isAfter(quota.from()) ? days.from() : quota.from();
        LocalDate last = days.through() == null || days.through().isAfter(quota.through()) ? quota.through() : days.through();
        return first.isAfter(last) ? 0 : ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** The bed-days booked in the quota's period. */
    public static long used(Quota quota, Collection<Days> booked) {
        return booked.stream().mapToLong(days -> daysWithin(days, quota)).sum();
    }

    /**
     * For matching: the bed-days left on the quota that covers the day, so a pool bed is offered only while the quota of
     * the day it would start on has one left; empty when no quota covers the day (no limit). Never negative.
     */
    public static OptionalInt remainingOn(LocalDate day, Collection<Quota> quotas, Collection<Days> booked) {
        Optional<Quota> quota = quotas.stream().filter(q -> q.covers(day)).findFirst();
        if (quota.isEmpty()) {
            return OptionalInt.empty();
        }
        long left = quota.get().bedDays() - used(quota.get(), booked);
        return OptionalInt.of((int) Math.max(0, left));
    }

    /** The earliest quota whose period the request would take over its bed-days, if any. */
    public static Optional<Excess> excess(Collection<Quota> quotas, Collection<Days> booked, Days requested) {
        return quotas.stream().sorted(Comparator.comparing(Quota::from))
                .map(quota -> new Excess(quota, used(quota, booked), daysWithin(requested, quota)))
                .filter(excess -> excess.requested() > 0 && excess.used() + excess.requested() > excess.quota().bedDays())
                .findFirst();
    }
}
