package no.samhandling.discharge.statistics;

import no.samhandling.discharge.stay.StayFigureStore.UnstoredDay;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeCountsTest {

    private static final int JANUARY_2025 = 2025 * 12;
    private static final DateRange READ = new DateRange(LocalDate.of(2024, 12, 1), LocalDate.of(2025, 12, 31));
    private final ChangeCounts counts = new ChangeCounts(READ, 7, 3, Map.of(JANUARY_2025 - 1, 100L, JANUARY_2025, 1L, JANUARY_2025 + 1, 10L));
    private final DateRange january = new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31));
    private final UUID stay = UUID.fromString("0b7f1f5e-5a2e-4d1e-9d55-5b1c2e9f0a11");

    @Test
    void aRangeCountsTheChangesOfItsOwnMonthsOnly() {
        assertThat(counts.of(january)).isEqualTo(1);
        assertThat(counts.of(new DateRange(LocalDate.of(2025, 1, 15), LocalDate.of(2025, 2, 3)))).isEqualTo(11);
        assertThat(counts.of(new DateRange(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30)))).as("no changes in June").isZero();
    }

    @Test
    void aRangeBeyondTheMonthsReadIsRefusedRatherThanCountedAsUnchanged() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> counts.of(new DateRange(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 31))));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> counts.of(new DateRange(LocalDate.of(2024, 11, 30), LocalDate.of(2024, 12, 31))));
    }

    @Test
    void theKeyHoldsTheReferenceVersionAndTheRangesChanges() {
        assertThat(counts.key("question", january)).isEqualTo(new StatisticsCache.Key("question", 7, 1));
        assertThat(counts.key("question", january, List.of())).as("no days of patients still waiting").isEqualTo(counts.key("question", january));
    }

    @Test
    void aPartOfARangeWithDaysOfPatientsStillWaitingHasNoKey() {
        List<UnstoredDay> days = List.of(new UnstoredDay(stay, LocalDate.of(2025, 2, 1), true));
        assertThat(counts.partKey("part", january, days)).as("the day is in February").contains(counts.key("part", january));
        assertThat(counts.partKey("part", new DateRange(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28)), days)).isEmpty();
        assertThat(ChangeCounts.within(january, days)).isEmpty();
        assertThat(ChangeCounts.within(new DateRange(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 1)), days)).isEqualTo(days);
    }

    @Test
    void daysOfPatientsStillWaitingAndTheOpenPeriodsChangesAreInTheKey() {
        List<UnstoredDay> days = List.of(new UnstoredDay(stay, LocalDate.of(2025, 1, 30), true), new UnstoredDay(stay, LocalDate.of(2025, 1, 31), true));
        StatisticsCache.Key key = counts.key("question", january, days);
        assertThat(key).isEqualTo(counts.key("question", january, List.copyOf(days))).isNotEqualTo(counts.key("question", january));
        assertThat(key).as("a day more").isNotEqualTo(counts.key("question", january, List.of(days.get(0))));
        assertThat(key).as("a day no longer billable")
                .isNotEqualTo(counts.key("question", january, List.of(days.get(0), new UnstoredDay(stay, LocalDate.of(2025, 1, 31), false))));
        assertThat(key).as("another stay's day")
                .isNotEqualTo(counts.key("question", january, List.of(days.get(0), new UnstoredDay(UUID.randomUUID(), LocalDate.of(2025, 1, 31), true))));
        assertThat(key).as("an open period changed")
                .isNotEqualTo(new ChangeCounts(READ, 7, 4, counts.byMonth()).key("question", january, days));
        assertThat(key).as("read in another order").isEqualTo(counts.key("question", january, List.of(days.get(1), days.get(0))));
    }
}
