package no.samhandling.discharge.capacity;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import no.samhandling.discharge.capacity.Quotas.Days;
import no.samhandling.discharge.capacity.Quotas.Excess;
import no.samhandling.discharge.capacity.Quotas.Quota;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class QuotasTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2025, 3, 1);
    private static final Quota MARCH = new Quota(MARCH_1, LocalDate.of(2025, 3, 31), 10);
    private static final Quota APRIL = new Quota(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30), 5);

    private static LocalDate march(int day) {
        return MARCH_1.withDayOfMonth(day);
    }

    @Test
    void onlyTheDaysInsideThePeriodCount() {
        assertThat(Quotas.daysWithin(new Days(march(5), march(7)), MARCH)).isEqualTo(3);
        assertThat(Quotas.daysWithin(new Days(march(5), march(5)), MARCH)).isEqualTo(1);
        assertThat(Quotas.daysWithin(new Days(LocalDate.of(2025, 2, 26), march(2)), MARCH)).as("begun before the period").isEqualTo(2);
        assertThat(Quotas.daysWithin(new Days(march(30), LocalDate.of(2025, 4, 3)), MARCH)).as("ends after the period").isEqualTo(2);
        assertThat(Quotas.daysWithin(new Days(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 4, 30)), MARCH)).as("covers it").isEqualTo(31);
        assertThat(Quotas.daysWithin(new Days(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28)), MARCH)).as("before").isZero();
        assertThat(Quotas.daysWithin(new Days(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 2)), MARCH)).as("after").isZero();
        assertThat(Quotas.daysWithin(new Days(march(31), march(31)), MARCH)).as("the last day").isEqualTo(1);
        assertThat(Quotas.daysWithin(new Days(march(1), march(1)), MARCH)).as("the first day").isEqualTo(1);
    }

    @Test
    void aBedUntilDischargeCountsToThePeriodsEnd() {
        assertThat(Quotas.daysWithin(new Days(march(25), null), MARCH)).isEqualTo(7);
        assertThat(Quotas.daysWithin(new Days(LocalDate.of(2025, 1, 1), null), MARCH)).isEqualTo(31);
        assertThat(Quotas.daysWithin(new Days(LocalDate.of(2025, 4, 1), null), MARCH)).isZero();
    }

    @Test
    void usedAddsUpTheBookedDaysInThePeriod() {
        assertThat(Quotas.used(MARCH, List.of())).isZero();
        assertThat(Quotas.used(MARCH, List.of(new Days(march(1), march(3)), new Days(march(10), march(11)),
                new Days(LocalDate.of(2025, 4, 1), null)))).isEqualTo(5);
    }

    @Test
    void aRequestUpToTheQuotaIsAllowedAndOneDayMoreIsNot() {
        List<Days> booked = List.of(new Days(march(1), march(6)));
        assertThat(Quotas.excess(List.of(MARCH), booked, new Days(march(10), march(13)))).as("6 + 4 = 10").isEmpty();
        assertThat(Quotas.excess(List.of(MARCH), booked, new Days(march(10), march(14))))
                .contains(new Excess(MARCH, 6, 5));
    }

    @Test
    void withoutAQuotaOrOutsideItsPeriodNothingIsRefused() {
        assertThat(Quotas.excess(List.of(), List.of(), new Days(march(1), null))).isEmpty();
        assertThat(Quotas.excess(List.of(APRIL), List.of(new Days(march(1), march(31))), new Days(march(1), march(31)))).isEmpty();
    }

    @Test
    void aQuotaAlreadyOverrunDoesNotStopDaysOutsideIt() {
        List<Days> booked = List.of(new Days(march(1), march(20)));
        assertThat(Quotas.excess(List.of(MARCH, APRIL), booked, new Days(LocalDate.of(2025, 4, 2), LocalDate.of(2025, 4, 3)))).isEmpty();
    }

    @Test
    void theEarliestQuotaExceededIsNamed() {
        Days both = new Days(march(20), LocalDate.of(2025, 4, 10));
        assertThat(Quotas.excess(List.of(APRIL, MARCH), List.of(), both)).contains(new Excess(MARCH, 0, 12));
        assertThat(Quotas.excess(List.of(APRIL, new Quota(MARCH_1, march(31), 12)), List.of(), both))
                .as("March holds, April does not").contains(new Excess(APRIL, 0, 10));
    }

    @Test
    void aBedUntilDischargeIsRefusedWhenTheRestOfThePeriodWouldExceedTheQuota() {
        assertThat(Quotas.excess(List.of(MARCH), List.of(), new Days(march(22), null))).isEmpty();
        assertThat(Quotas.excess(List.of(MARCH), List.of(), new Days(march(21), null))).contains(new Excess(MARCH, 0, 11));
    }

    @Test
    void aQuotaOfNoBedDaysRefusesEveryDayInItsPeriod() {
        Quota none = new Quota(MARCH_1, march(31), 0);
        assertThat(Quotas.excess(List.of(none), List.of(), new Days(march(31), march(31)))).contains(new Excess(none, 0, 1));
    }

    @Property
    void refusedExactlyWhenBookedAndRequestedExceedTheQuota(@ForAll @IntRange(max = 40) int bedDays,
                                                            @ForAll @IntRange(min = -10, max = 40) int bookedStart, @ForAll @IntRange(max = 20) int bookedLength,
                                                            @ForAll @IntRange(min = -10, max = 40) int requestedStart, @ForAll @IntRange(max = 20) int requestedLength,
                                                            @ForAll boolean untilDischarge) {
        Quota quota = new Quota(MARCH_1, march(31), bedDays);
        Days booked = new Days(MARCH_1.plusDays(bookedStart), MARCH_1.plusDays(bookedStart + bookedLength));
        Days requested = new Days(MARCH_1.plusDays(requestedStart), untilDischarge ? null : MARCH_1.plusDays(requestedStart + requestedLength));
        long used = countDays(booked, quota);
        long asked = countDays(requested, quota);
        Optional<Excess> excess = Quotas.excess(List.of(quota), List.of(booked), requested);
        assertThat(excess.isPresent()).isEqualTo(asked > 0 && used + asked > bedDays);
        excess.ifPresent(e -> assertThat(e).isEqualTo(new Excess(quota, used, asked)));
    }

    @Property
    void splittingBookedDaysChangesNothingUsed(@ForAll @IntRange(min = -5, max = 35) int start, @ForAll @IntRange(max = 30) int length,
                                               @ForAll @IntRange(max = 30) int split) {
        int at = Math.min(split, length);
        LocalDate from = MARCH_1.plusDays(start);
        Days whole = new Days(from, from.plusDays(length));
        List<Days> parts = at == 0 ? List.of(whole)
                : List.of(new Days(from, from.plusDays(at - 1)), new Days(from.plusDays(at), from.plusDays(length)));
        assertThat(Quotas.used(MARCH, parts)).isEqualTo(Quotas.used(MARCH, List.of(whole)));
    }

    /** The days counted one by one: the definition the arithmetic must agree with. */
    private static long countDays(Days days, Quota quota) {
        long count = 0;
        for (LocalDate day = quota.from(); !day.isAfter(quota.through()); day = day.plusDays(1)) {
            if (!day.isBefore(days.from()) && (days.through() == null || !day.isAfter(days.through()))) {
                count++;
            }
        }
        return count;
    }
}
