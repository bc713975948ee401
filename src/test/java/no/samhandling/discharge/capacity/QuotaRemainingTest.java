package no.samhandling.discharge.capacity;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaRemainingTest {

    private static final LocalDate MARCH = LocalDate.of(2025, 3, 1);
    private static final Quotas.Quota MARCH_QUOTA = new Quotas.Quota(MARCH, LocalDate.of(2025, 3, 31), 20);

    private static Quotas.Days use(int fromDay, Integer throughDay) {
        return new Quotas.Days(MARCH.plusDays(fromDay - 1L), throughDay == null ? null : MARCH.plusDays(throughDay - 1L));
    }

    @Test
    void aQuotaCoversItsFirstAndLastDayAndNothingOutside() {
        assertThat(MARCH_QUOTA.covers(MARCH)).isTrue();
        assertThat(MARCH_QUOTA.covers(LocalDate.of(2025, 3, 31))).isTrue();
        assertThat(MARCH_QUOTA.covers(MARCH.minusDays(1))).isFalse();
        assertThat(MARCH_QUOTA.covers(LocalDate.of(2025, 4, 1))).isFalse();
    }

    @Test
    void usedBedDaysAreTheAllocationsDaysInsideThePeriod() {
        assertThat(Quotas.used(MARCH_QUOTA, List.of(use(3, 7)))).isEqualTo(5);
        assertThat(Quotas.used(MARCH_QUOTA, List.of(use(5, 5)))).isEqualTo(1);
        assertThat(Quotas.used(MARCH_QUOTA, List.of(use(3, 7), use(10, 11)))).isEqualTo(7);
    }

    @Test
    void anAllocationReachingIntoThePeriodCountsOnlyItsDaysInside() {
        assertThat(Quotas.used(MARCH_QUOTA, List.of(new Quotas.Days(LocalDate.of(2025, 2, 25), LocalDate.of(2025, 3, 2)))))
                .isEqualTo(2);
        assertThat(Quotas.used(MARCH_QUOTA, List.of(new Quotas.Days(LocalDate.of(2025, 3, 30), LocalDate.of(2025, 4, 5)))))
                .isEqualTo(2);
        assertThat(Quotas.used(MARCH_QUOTA, List.of(new Quotas.Days(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 4, 30)))))
                .isEqualTo(31);
    }

    @Test
    void anAllocationOutsideThePeriodUsesNothing() {
        assertThat(Quotas.used(MARCH_QUOTA, List.of(new Quotas.Days(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28)))))
                .isZero();
        assertThat(Quotas.used(MARCH_QUOTA, List.of(new Quotas.Days(LocalDate.of(2025, 4, 1), null)))).isZero();
    }

    @Test
    void anAllocationUntilDischargeCountsThroughThePeriodsLastDay() {
        assertThat(Quotas.used(MARCH_QUOTA, List.of(use(22, null)))).isEqualTo(10);
        assertThat(Quotas.used(MARCH_QUOTA, List.of(new Quotas.Days(LocalDate.of(2025, 2, 1), null)))).isEqualTo(31);
    }

    @Test
    void remainingIsTheQuotaLessWhatIsUsedAndNeverBelowZero() {
        assertThat(Quotas.remainingOn(MARCH.plusDays(10), List.of(MARCH_QUOTA), List.of(use(3, 7)))).hasValue(15);
        assertThat(Quotas.remainingOn(MARCH.plusDays(10), List.of(MARCH_QUOTA), List.of())).hasValue(20);
        assertThat(Quotas.remainingOn(MARCH, List.of(MARCH_QUOTA), List.of(use(1, 20)))).hasValue(0);
        assertThat(Quotas.remainingOn(MARCH, List.of(MARCH_QUOTA), List.of(use(1, null)))).hasValue(0);
        assertThat(Quotas.remainingOn(MARCH, List.of(MARCH_QUOTA), List.of(use(1, 19)))).hasValue(1);
    }

    @Test
    void aDayNoQuotaCoversHasNoLimit() {
        assertThat(Quotas.remainingOn(LocalDate.of(2025, 4, 1), List.of(MARCH_QUOTA), List.of(use(1, null)))).isEmpty();
        assertThat(Quotas.remainingOn(MARCH, List.of(), List.of())).isEmpty();
    }

    @Test
    void theQuotaOfTheDaysOwnPeriodCounts() {
        Quotas.Quota april = new Quotas.Quota(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30), 5);
        List<Quotas.Quota> quotas = List.of(MARCH_QUOTA, april);
        List<Quotas.Days> uses = List.of(use(1, 10), new Quotas.Days(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 2)));
        assertThat(Quotas.remainingOn(MARCH.plusDays(3), quotas, uses)).hasValue(10);
        assertThat(Quotas.remainingOn(LocalDate.of(2025, 4, 15), quotas, uses)).hasValue(3);
    }

    @Property
    void remainingNeverExceedsTheQuotaNorFallsBelowZero(@ForAll @IntRange(min = 0, max = 60) int bedDays,
                                                       @ForAll @IntRange(min = 1, max = 40) int fromDay,
                                                       @ForAll @IntRange(min = 0, max = 40) int length,
                                                       @ForAll boolean untilDischarge) {
        Quotas.Quota quota = new Quotas.Quota(MARCH, LocalDate.of(2025, 3, 31), bedDays);
        Quotas.Days use = use(fromDay, untilDischarge ? null : fromDay + length);
        int remaining = Quotas.remainingOn(MARCH.plusDays(5), List.of(quota), List.of(use)).orElseThrow();
        assertThat(remaining).isBetween(0, bedDays);
        assertThat(Quotas.used(quota, List.of(use))).isBetween(0L, 31L);
    }
}
