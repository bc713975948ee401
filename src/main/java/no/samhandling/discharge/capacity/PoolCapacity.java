package no.samhandling.discharge.capacity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A bed pool's capacity on a day, derived from its beds and never typed in separately: each bed counts
 * once, at the status it has that day. A bed given to a patient for a range of days that includes the day
 * is occupied then, unless its own status already takes it out of use; a bed whose status is free and
 * that nobody has that day is free.
 */
public final class PoolCapacity {

    private PoolCapacity() {
    }

    /** A bed as the rule needs it. */
    public record Bed(UUID id, BedStatus status) {
    }

    /** A bed a patient has: an allocation, from its first day through its last (null: until discharge). */
    public record Occupation(UUID bedId, LocalDate from, LocalDate through) {

        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && (through == null || !day.isAfter(through));
        }
    }

    /** What the pool has on a day: every status counted, and the free beds in particular. */
    public record Summary(LocalDate day, int beds, int free, int occupied, Map<BedStatus, Integer> byStatus) {
    }

    /** The status a bed has on a day, given its own status and the patients it is allocated to. */
    public static BedStatus on(LocalDate day, Bed bed, Collection<Occupation> occupations) {
        boolean allocated = occupations.stream().anyMatch(o -> o.bedId().equals(bed.id()) && o.covers(day));
        if (allocated && bed.status().showsItsPatient()) {
            return BedStatus.OCCUPIED;
        }
        return bed.status();
    }

    public static Summary on(LocalDate day, Collection<Bed> beds, Collection<Occupation> occupations) {
        Set<UUID> ids = beds.stream().map(Bed::id).collect(Collectors.toSet());
        Collection<Occupation> relevant = occupations.stream().filter(o -> ids.contains(o.bedId()) && o.covers(day)).toList();
        Map<BedStatus, Integer> counts = new EnumMap<>(BedStatus.class);
        for (BedStatus status : BedStatus.values()) {
            counts.put(status, 0);
        }
        for (Bed bed : beds) {
            counts.merge(on(day, bed, relevant), 1, Integer::sum);
        }
        return new Summary(day, beds.size(), counts.get(BedStatus.FREE), counts.get(BedStatus.OCCUPIED), counts);
    }
}
