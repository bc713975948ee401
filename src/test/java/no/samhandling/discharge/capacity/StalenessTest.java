package no.samhandling.discharge.capacity;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StalenessTest {

    private final Staleness week = new Staleness(7);

    @Test
    void aFigureIsFreshForTheConfiguredDaysAndStaleTheDayAfter() {
        Instant monday = Instant.parse("2025-03-10T09:00:00Z");
        assertThat(week.isStale(monday, LocalDate.of(2025, 3, 10))).isFalse();
        assertThat(week.isStale(monday, LocalDate.of(2025, 3, 17))).isFalse();
        assertThat(week.isStale(monday, LocalDate.of(2025, 3, 18))).isTrue();
    }

    @Test
    void daysAreOsloDays() {
        // 23:30 UTC on 9 March is 00:30 on 10 March in Oslo: published on the 10th.
        Instant justAfterMidnightInOslo = Instant.parse("2025-03-09T23:30:00Z");
        assertThat(week.isStale(justAfterMidnightInOslo, LocalDate.of(2025, 3, 17))).isFalse();
        assertThat(new Staleness(0).isStale(justAfterMidnightInOslo, LocalDate.of(2025, 3, 10))).isFalse();
        assertThat(new Staleness(0).isStale(Instant.parse("2025-03-09T22:30:00Z"), LocalDate.of(2025, 3, 10))).isTrue();
    }

    @Test
    void aNegativeLimitIsAMistake() {
        assertThatThrownBy(() -> new Staleness(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void onceStaleAFigureStaysStale(@ForAll @IntRange(max = 60) int limit, @ForAll @IntRange(max = 400) int age,
                                    @ForAll @IntRange(max = 30) int later) {
        Staleness staleness = new Staleness(limit);
        Instant published = Instant.parse("2025-01-01T12:00:00Z");
        LocalDate today = LocalDate.of(2025, 1, 1).plusDays(age);
        assertThat(staleness.isStale(published, today)).isEqualTo(age > limit);
        if (staleness.isStale(published, today)) {
            assertThat(staleness.isStale(published, today.plusDays(later))).isTrue();
        }
    }
}
