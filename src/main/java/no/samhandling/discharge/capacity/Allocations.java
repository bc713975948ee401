package no.samhandling.discharge.capacity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules of giving a bed to a patient, without the database: a range of days that makes sense, a bed
 * whose status lets it be given, and no overlap with the bed's other allocations (reservations included).
 * The database enforces the overlap rule as well (an exclusion constraint), for requests that race.
 */
public final class Allocations {

    private Allocations() {
    }

    /** What is asked for: a bed from a day, through a day or (through = null) until discharge. */
    public record Request(LocalDate from, LocalDate through) {
    }

    /** Whether two ranges of days share at least one day; an open end runs for ever. */
    public static boolean overlap(LocalDate from, LocalDate through, LocalDate otherFrom, LocalDate otherThrough) {
        return (through == null || !otherFrom.isAfter(through)) && (otherThrough == null || !from.isAfter(otherThrough));
    }

    /** The problem with the range of days asked for, if any: it starts before today, or ends before it starts. */
    public static Optional<String> rangeProblem(Request request, LocalDate today) {
        if (request.from().isBefore(today)) {
            return Optional.of("must be today (" + today + ") or later: a bed is given from now on, not in the past");
        }
        if (request.through() != null && request.through().isBefore(request.from())) {
            return Optional.of("must be on or after from (" + request.from() + ")");
        }
        return Optional.empty();
    }

    /**
     * The problem with the first day in another bed, if any: it lies before today, or outside the days of the
     * allocation it continues (from its first day through its last; an allocation until discharge has no last).
     */
    public static Optional<String> moveProblem(LocalDate allocatedFrom, LocalDate allocatedThrough, LocalDate from, LocalDate today) {
        if (from.isBefore(today)) {
            return Optional.of("must be today (" + today + ") or later: a patient is moved from now on, not in the past");
        }
        if (from.isBefore(allocatedFrom)) {
            return Optional.of("must be on or after the allocation's first day (" + allocatedFrom + ")");
        }
        if (allocatedThrough != null && from.isAfter(allocatedThrough)) {
            return Optional.of("must be on or before the allocation's last day (" + allocatedThrough + ")");
        }
        return Optional.empty();
    }

    /** An allocation the bed (or the patient) already has. */
    public record Booked(UUID allocationId, LocalDate from, LocalDate through) {
    }

    /** The earliest existing allocation in the way of the request, if any. */
    public static Optional<Booked> inTheWay(Request request, Collection<Booked> existing) {
        return existing.stream().filter(b -> overlap(request.from(), request.through(), b.from(), b.through()))
                .min(Comparator.comparing(Booked::from));
    }
}
