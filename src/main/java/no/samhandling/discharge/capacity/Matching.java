package no.samhandling.discharge.capacity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Matching (BEON, laveste effektive omsorgsnivå): of the places a patient's paying municipality has (its published
 * receiving capacity and the free beds of the pools it takes part in), those that meet the patient's need, in the
 * order an intake team should consider them: the lowest care level that meets the need first, then the soonest
 * day, then fresh figures before stale ones, then the municipality's own places before a pool's, then by pool
 * name. Places at care level {@code other} are never matched: nobody can tell which needs they meet.
 */
public final class Matching {

    private Matching() {
    }

    /**
     * Free places of one source at one care level from one day: a published figure (stale or not), or a pool's
     * beds free from that day on, with the bed-days left of the municipality's quota (null: no quota that day).
     */
    public record Option(CareOptionSource source, CareLevel careLevel, LocalDate date, int free, boolean stale, UUID poolId, String poolName,
                         Integer remainingQuota) {
        public Option {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(careLevel, "careLevel");
            Objects.requireNonNull(date, "date");
            if ((source == CareOptionSource.BED_POOL) != (poolId != null)) {
                throw new IllegalArgumentException("a pool's option names its pool, and only a pool's does");
            }
        }

        static Option receiving(CareLevel careLevel, LocalDate date, int free, boolean stale) {
            return new Option(CareOptionSource.RECEIVING_CAPACITY, careLevel, date, free, stale, null, null, null);
        }

        static Option pool(UUID poolId, String poolName, CareLevel careLevel, LocalDate date, int free, Integer remainingQuota) {
            return new Option(CareOptionSource.BED_POOL, careLevel, date, free, false, poolId, poolName, remainingQuota);
        }

        /** Whether another option is the same source at the same care level (maybe on another day). */
        boolean sameSourceAs(Option other) {
            return source == other.source && careLevel == other.careLevel && Objects.equals(poolId, other.poolId);
        }

        boolean withinQuota() {
            return remainingQuota == null || remainingQuota > 0;
        }
    }

    /**
     * Lowest care level, soonest day, fresh before stale, own places before a pool's, then pool name and id; and, so
     * that the order is total, more free places first and then the larger quota left (none: no limit, first).
     */
    public static final Comparator<Option> ORDER = Comparator.comparing(Option::careLevel)
            .thenComparing(Option::date)
            .thenComparing(Option::stale)
            .thenComparing(Option::source)
            .thenComparing(Option::poolName, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Option::poolId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Option::free, Comparator.reverseOrder())
            .thenComparing(Option::remainingQuota, Comparator.nullsFirst(Comparator.reverseOrder()));

    /** Whether a place at the offered care level meets a need at the needed one: the same level or a higher one, never "other". */
    public static boolean meets(CareLevel offered, CareLevel needed) {
        return offered != CareLevel.OTHER && offered.compareTo(needed) >= 0;
    }

    /**
     * The options that fit: at a level that meets the need, from the earliest day the patient can move on, with a
     * free place, within the quota; in {@link #ORDER}.
     */
    public static List<Option> options(CareLevel needed, LocalDate earliest, Collection<Option> candidates) {
        return candidates.stream()
                .filter(o -> meets(o.careLevel(), needed))
                .filter(o -> !o.date().isBefore(earliest))
                .filter(o -> o.free() > 0)
                .filter(Option::withinQuota)
                .sorted(ORDER)
                .toList();
    }

    /** The soonest option of each source and care level, in the order given (the first of each is kept). */
    public static List<Option> soonestOfEachSource(List<Option> ordered) {
        List<Option> kept = new ArrayList<>();
        for (Option option : ordered) {
            if (kept.stream().noneMatch(option::sameSourceAs)) {
                kept.add(option);
            }
        }
        return List.copyOf(kept);
    }

    /** A receiving-capacity place an intake team chose for a patient: taken from its first day on. */
    public record Chosen(CareLevel careLevel, LocalDate from, Instant chosenAt) {
    }

    /**
     * Free places of a published figure once the places chosen since it was published are taken off: a choice
     * made after the publication takes a place at its care level on every day from its first (the municipality's
     * next publication counts it itself). Never below 0.
     */
    public static int placesLeft(CareLevel careLevel, LocalDate day, int published, Instant publishedAt, Collection<Chosen> chosen) {
        long taken = chosen.stream()
                .filter(c -> c.careLevel() == careLevel && !c.from().isAfter(day) && c.chosenAt().isAfter(publishedAt))
                .count();
        return (int) Math.max(0, published - taken);
    }

    /**
     * The pool's beds that can be given to a patient from the day on until discharge, in the order given: a status
     * that lets it be given (free) and no allocation on that day or later (a reservation included).
     */
    public static List<UUID> bedsFreeFrom(LocalDate day, List<PoolCapacity.Bed> beds, Collection<PoolCapacity.Occupation> occupations) {
        Set<UUID> taken = new HashSet<>();
        for (PoolCapacity.Occupation occupation : occupations) {
            if (occupation.through() == null || !occupation.through().isBefore(day)) {
                taken.add(occupation.bedId());
            }
        }
        return beds.stream().filter(bed -> bed.status().canBeAllocated() && !taken.contains(bed.id())).map(PoolCapacity.Bed::id).toList();
    }
}
