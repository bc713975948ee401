package no.samhandling.discharge.capacity;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import no.samhandling.discharge.capacity.PoolUtilisation.Allocation;
import no.samhandling.discharge.capacity.PoolUtilisation.Day;
import no.samhandling.discharge.capacity.PoolUtilisation.QuotaUse;
import no.samhandling.discharge.capacity.PoolUtilisation.Totals;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PoolUtilisationTest {

    private static final LocalDate D1 = LocalDate.of(2025, 3, 1);
    private static final UUID ROOM_1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID ROOM_2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID CLOSED = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final List<PoolCapacity.Bed> BEDS = List.of(new PoolCapacity.Bed(ROOM_1, BedStatus.FREE),
            new PoolCapacity.Bed(ROOM_2, BedStatus.FREE), new PoolCapacity.Bed(CLOSED, BedStatus.CLOSED));

    @Test
    void eachDayCountsItsBedsFromTheBedsAndTheirAllocations() {
        List<Allocation> allocations = List.of(new Allocation(ROOM_1, "1833", D1.plusDays(1), D1.plusDays(2)),
                new Allocation(ROOM_2, "1832", D1.plusDays(2), null));
        List<Day> days = PoolUtilisation.days(D1, D1.plusDays(3), BEDS, allocations);
        assertThat(days).containsExactly(
                new Day(D1, 3, 0, 2, new BigDecimal("0.0")),
                new Day(D1.plusDays(1), 3, 1, 1, new BigDecimal("33.3")),
                new Day(D1.plusDays(2), 3, 2, 0, new BigDecimal("66.7")),
                new Day(D1.plusDays(3), 3, 1, 1, new BigDecimal("33.3")));
        assertThat(PoolUtilisation.totals(days)).isEqualTo(new Totals(12, 4, 4, new BigDecimal("33.3")));
    }

    @Test
    void aPoolWithoutBedsHasNoOccupancy() {
        List<Day> days = PoolUtilisation.days(D1, D1, List.of(), List.of());
        assertThat(days).containsExactly(new Day(D1, 0, 0, 0, null));
        assertThat(PoolUtilisation.totals(days)).isEqualTo(new Totals(0, 0, 0, null));
        assertThat(PoolUtilisation.totals(List.of())).isEqualTo(new Totals(0, 0, 0, null));
    }

    @Test
    void poolsAreAddedUpDayByDay() {
        List<Day> first = List.of(new Day(D1, 2, 1, 1, null), new Day(D1.plusDays(1), 2, 2, 0, null));
        List<Day> second = List.of(new Day(D1, 4, 1, 2, null), new Day(D1.plusDays(1), 4, 0, 3, null));
        assertThat(PoolUtilisation.sum(D1, D1.plusDays(1), List.of(first, second))).containsExactly(
                new Day(D1, 6, 2, 3, new BigDecimal("33.3")), new Day(D1.plusDays(1), 6, 2, 3, new BigDecimal("33.3")));
        assertThat(PoolUtilisation.sum(D1, D1, List.of())).containsExactly(new Day(D1, 0, 0, 0, null));
    }

    @Test
    void aParticipantsUseCountsItsOwnPatientsDaysInTheRangeAndItsQuotasOverTheirWholePeriods() {
        List<Allocation> allocations = List.of(
                new Allocation(ROOM_1, "1833", D1.minusDays(5), D1.plusDays(1)),
                new Allocation(ROOM_2, "1833", D1.plusDays(8), null),
                new Allocation(ROOM_2, "1832", D1, D1.plusDays(5)));
        List<Quotas.Quota> quotas = List.of(
                new Quotas.Quota(D1.minusDays(10), D1.plusDays(9), 10),
                new Quotas.Quota(D1.plusDays(10), D1.plusDays(19), 5),
                new Quotas.Quota(D1.plusDays(40), D1.plusDays(49), 5));
        PoolUtilisation.Use use = PoolUtilisation.use("1833", D1, D1.plusDays(9), allocations, quotas);
        assertThat(use.municipality()).isEqualTo("1833");
        assertThat(use.bedDaysUsed()).as("2 of the first, 2 of the second in the range").isEqualTo(4);
        assertThat(use.quotas()).containsExactly(new QuotaUse(D1.minusDays(10), D1.plusDays(9), 10, 9, 1));
        PoolUtilisation.Use later = PoolUtilisation.use("1833", D1.plusDays(9), D1.plusDays(10), allocations, quotas);
        assertThat(later.quotas()).containsExactly(new QuotaUse(D1.minusDays(10), D1.plusDays(9), 10, 9, 1),
                new QuotaUse(D1.plusDays(10), D1.plusDays(19), 5, 10, 0));
        assertThat(PoolUtilisation.use("1834", D1, D1.plusDays(9), allocations, quotas).bedDaysUsed()).isZero();
    }

    @Test
    void aQuotaIsShownWhenItTouchesTheRangeOnItsFirstOrLastDay() {
        List<Quotas.Quota> quotas = List.of(new Quotas.Quota(D1.minusDays(3), D1, 4), new Quotas.Quota(D1.plusDays(2), D1.plusDays(5), 4));
        assertThat(PoolUtilisation.use("1833", D1, D1.plusDays(2), List.of(), quotas).quotas()).hasSize(2);
        assertThat(PoolUtilisation.use("1833", D1.plusDays(1), D1.plusDays(1), List.of(), quotas).quotas()).isEmpty();
    }

    @Test
    void percentIsRoundedHalfUpToOneDecimal() {
        assertThat(PoolUtilisation.percent(1, 8)).isEqualByComparingTo("12.5");
        assertThat(PoolUtilisation.percent(1, 16)).isEqualTo(new BigDecimal("6.3"));
        assertThat(PoolUtilisation.percent(2, 3)).isEqualTo(new BigDecimal("66.7"));
        assertThat(PoolUtilisation.percent(3, 3)).isEqualTo(new BigDecimal("100.0"));
        assertThat(PoolUtilisation.percent(0, 0)).isNull();
    }

    @Property
    void occupiedAndFreeBedDaysNeverExceedTheBedDays(@ForAll @IntRange(max = 10) int start1, @ForAll @IntRange(max = 10) int length1,
                                                     @ForAll @IntRange(max = 10) int start2, @ForAll boolean open) {
        List<Allocation> allocations = List.of(new Allocation(ROOM_1, "1833", D1.plusDays(start1), D1.plusDays(start1 + length1)),
                new Allocation(ROOM_2, "1832", D1.plusDays(start2), open ? null : D1.plusDays(start2)));
        List<Day> days = PoolUtilisation.days(D1, D1.plusDays(13), BEDS, allocations);
        Totals totals = PoolUtilisation.totals(days);
        assertThat(totals.bedDays()).isEqualTo(14L * BEDS.size());
        assertThat(totals.occupiedBedDays() + totals.freeBedDays()).isLessThanOrEqualTo(totals.bedDays() - 14);
        long used = PoolUtilisation.use("1833", D1, D1.plusDays(13), allocations, List.of()).bedDaysUsed()
                + PoolUtilisation.use("1832", D1, D1.plusDays(13), allocations, List.of()).bedDaysUsed();
        assertThat(used).as("every occupied bed-day is some participant's").isEqualTo(totals.occupiedBedDays());
    }
}
