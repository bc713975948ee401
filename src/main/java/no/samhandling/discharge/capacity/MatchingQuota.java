package no.samhandling.discharge.capacity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How many bed-days of its quota a participating municipality has left in a bed pool, for matching: a pool bed is
 * offered only while the quota of the day it would start on has a bed-day left. The used bed-days of a quota period
 * are the days of the municipality's allocations in the pool that fall in the period; an allocation until discharge
 * counts through the period's last day, since it holds the bed until then as far as anyone knows. A day no quota
 * covers has no limit.
 */
public final class MatchingQuota {

    private MatchingQuota() {
    }

    /** Bed-days a participant may use from a day through a day (both included). */
    public record Quota(LocalDate from, LocalDate through, int bedDays) {
        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(through);
        }
    }

    /** An allocation of the participant in the pool: from a day through a day, or until discharge (through null). */
    public record Use(LocalDate from, LocalDate through) {
    }

    /** Bed-days left on the quota that covers the day; empty when no quota covers it (no limit). Never negative. */
    public static OptionalInt remainingOn(LocalDate day, Collection<Quota> quotas, Collection<Use> uses) {
        Optional<Quota> quota = quotas.stream().filter(q -> q.covers(day)).findFirst();
        if (quota.isEmpty()) {
            return OptionalInt.empty();
        }
        long left = quota.get().bedDays() - usedBedDays(quota.get(), uses);
        return OptionalInt.of((int) Math.max(0, left));
    }

    /** The bed-days the allocations use in the quota's period. */
    public static long usedBedDays(Quota quota, Collection<Use> uses) {
        long used = 0;
        for (Use use : uses) {
            LocalDate first = use.from().isAfter(quota.from()) ? use.from() : quota.from();
            LocalDate last = use.through() == null || use.through().isAfter(quota.through()) ? quota.through() : use.through();
            if (!first.isAfter(last)) {
                used += ChronoUnit.DAYS.between(first, last) + 1;
            }
        }
        return used;
    }
}
