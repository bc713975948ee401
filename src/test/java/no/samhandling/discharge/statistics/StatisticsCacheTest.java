package no.samhandling.discharge.statistics;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsCacheTest {

    private final StatisticsCache cache = new StatisticsCache();
    private final AtomicInteger computed = new AtomicInteger();

    @Test
    void theSameQuestionAtTheSameChangeCountIsAnsweredFromWhatWasKept() throws SQLException {
        assertThat(answer("2025", 7)).isEqualTo("2025@7 #1");
        assertThat(answer("2025", 7)).isEqualTo("2025@7 #1");
        assertThat(computed).hasValue(1);
    }

    @Test
    void aChangeOfTheMonthsOrAnotherQuestionIsComputedAgain() throws SQLException {
        answer("2025", 7);
        assertThat(answer("2025", 8)).isEqualTo("2025@8 #2");
        assertThat(answer("2024", 8)).isEqualTo("2024@8 #3");
        assertThat(answer("2025", 7)).as("an older count is still its own key").isEqualTo("2025@7 #1");
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenTheCacheIsFull() throws SQLException {
        answer("first", 0);
        answer("second", 0);
        for (int i = 0; i < StatisticsCache.ENTRIES - 2; i++) {
            answer("filler " + i, 0);
        }
        answer("first", 0);
        answer("one more", 0);
        int before = computed.get();
        assertThat(answer("first", 0)).endsWith("#1");
        assertThat(answer("second", 0)).isEqualTo("second@0 #" + (before + 1));
    }

    private String answer(String question, long changes) throws SQLException {
        return cache.get(new StatisticsCache.Key(question, changes), () -> question + "@" + changes + " #" + computed.incrementAndGet());
    }
}
