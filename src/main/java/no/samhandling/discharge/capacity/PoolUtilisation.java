package no.samhandling.discharge.capacity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * How much a bed pool is used (utnyttelse), without the database: per day its beds, occupied and free beds
 * (each counted by {@link PoolCapacity}), over a range their bed-days and the occupancy (occupied ÷ beds), and
 * per participating municipality the bed-days its patients had and what its quotas have left.
 */
public final class PoolUtilisation {

    private PoolUtilisation() {
    }

    /** A bed given to a patient of a municipality, from a day through a day (null: until discharge). */
    public record Allocation(UUID bedId, String municipality, LocalDate from, LocalDate through) {
    }

    /** One day's beds: all of them, occupied, free, and the occupied share of all in percent (null without beds). */
    public record Day(LocalDate day, int beds, int occupied, int free, BigDecimal occupancyPercent) {
    }

    /** A range's bed-days: all beds on every day, the occupied and the free ones, and the occupied share in percent. */
    public record Totals(long bedDays, long occupiedBedDays, long freeBedDays, BigDecimal occupancyPercent) {
    }

    /** A quota of the participant and how much of it is booked (an allocation until discharge counts to the period's end). */
    public record QuotaUse(LocalDate from, LocalDate through, int bedDays, long bookedBedDays, long remainingBedDays) {
    }

    /** What a participant's patients used in the range, and its quotas that overlap the range. */
    public record Use(String municipality, long bedDaysUsed, List<QuotaUse> quotas) {
    }

    public static List<Day> days(LocalDate from, LocalDate through, Collection<PoolCapacity.Bed> beds, Collection<Allocation> allocations) {
        List<PoolCapacity.Occupation> occupations = allocations.stream()
                .map(a -> new PoolCapacity.Occupation(a.bedId(), a.from(), a.through())).toList();
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(through); day = day.plusDays(1)) {
            PoolCapacity.Summary summary = PoolCapacity.on(day, beds, occupations);
            days.add(new Day(day, summary.beds(), summary.occupied(), summary.free(), percent(summary.occupied(), summary.beds())));
        }
        return days;
    }

    /** Several pools' days added up, day by day (all lists cover the same days). */
    public static List<Day> sum(LocalDate from, LocalDate through, Collection<List<Day>> pools) {
        List<Day> days = new ArrayList<>();
        int index = 0;
        for (LocalDate day = from; !day.isAfter(through); day = day.plusDays(1), index++) {
            int beds = 0;
            int occupied = 0;
            int free = 0;
            for (List<Day> pool : pools) {
                Day own = pool.get(index);
                beds += own.beds();
                occupied += own.occupied();
                free += own.free();
            }
            days.add(new Day(day, beds, occupied, free, percent(occupied, beds)));
        }
        return days;
    }

    public static Totals totals(Collection<Day> days) {
        long beds = days.stream().mapToLong(Day::beds).sum();
        long occupied = days.stream().mapToLong(Day::occupied).sum();
        long free = days.stream().mapToLong(Day::free).sum();
        return new Totals(beds, occupied, free, percent(occupied, beds));
    }

    public static Use use(String municipality, LocalDate from, LocalDate through, Collection<Allocation> allocations,
                          Collection<Quotas.Quota> quotas) {
        Quotas.Quota range = new Quotas.Quota(from, through, 0);
        List<Quotas.Days> own = allocations.stream().filter(a -> a.municipality().equals(municipality))
                .map(a -> new Quotas.Days(a.from(), a.through())).toList();
        List<QuotaUse> overlapping = quotas.stream()
                .filter(q -> !q.from().isAfter(through) && !q.through().isBefore(from))
                .sorted(java.util.Comparator.comparing(Quotas.Quota::from))
                .map(q -> {
                    long booked = Quotas.used(q, own);
                    return new QuotaUse(q.from(), q.through(), q.bedDays(), booked, Math.max(0, q.bedDays() - booked));
                }).toList();
        return new Use(municipality, Quotas.used(range, own), overlapping);
    }

    /** part ÷ whole × 100 with one decimal, rounded half up; null when there is nothing to divide by. */
    public static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
