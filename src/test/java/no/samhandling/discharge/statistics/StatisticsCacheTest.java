package no.samhandling.discharge.statistics;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsCacheTest {

    private static final long BUDGET = 100;

    private final StatisticsCache cache = new StatisticsCache(BUDGET);
    private final AtomicInteger computed = new AtomicInteger();

    @Test
    void forgettingEverythingComputesTheNextAnswerAgain() throws SQLException {
        answer("2025", 7, 10);
        cache.clear();
        assertThat(cache.keptBytes()).isZero();
        assertThat(answer("2025", 7, 10)).isEqualTo("2025@7 #2");
    }

    @Test
    void theSameQuestionAtTheSameChangeCountIsAnsweredFromWhatWasKept() throws SQLException {
        assertThat(answer("2025", 7, 10)).isEqualTo("2025@7 #1");
        assertThat(answer("2025", 7, 10)).isEqualTo("2025@7 #1");
        assertThat(computed).hasValue(1);
        assertThat(cache.keptBytes()).isEqualTo(10);
    }

    @Test
    void aChangeOfTheMonthsOrAnotherQuestionIsComputedAgain() throws SQLException {
        answer("2025", 7, 10);
        assertThat(answer("2025", 8, 10)).isEqualTo("2025@8 #2");
        assertThat(answer("2024", 8, 10)).isEqualTo("2024@8 #3");
        assertThat(answer("2025", 7, 10)).as("an older count is still its own key").isEqualTo("2025@7 #1");
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenTheSizesExceedTheBudget() throws SQLException {
        answer("first", 0, 40);
        answer("second", 0, 40);
        answer("first", 0, 40);
        answer("third", 0, 40);
        assertThat(cache.keptBytes()).isEqualTo(80);
        assertThat(cache.kept(new StatisticsCache.Key("second", 0, 0))).isEmpty();
        assertThat(answer("first", 0, 40)).endsWith("#1");
        assertThat(answer("third", 0, 40)).endsWith("#3");
    }

    @Test
    void asManyGoAsItTakesAndAnswersFillingTheBudgetExactlyAreAllKept() throws SQLException {
        answer("a", 0, 30);
        answer("b", 0, 30);
        answer("c", 0, 40);
        assertThat(cache.keptBytes()).isEqualTo(BUDGET);
        answer("large", 0, 90);
        assertThat(cache.keptBytes()).isEqualTo(90);
        assertThat(List.of("a", "b", "c")).allSatisfy(question -> assertThat(cache.kept(new StatisticsCache.Key(question, 0, 0))).isEmpty());
        assertThat(answer("large", 0, 90)).endsWith("#4");
    }

    @Test
    void anAnswerLargerThanTheWholeBudgetIsNotKeptAndPushesNothingOut() throws SQLException {
        answer("small", 0, 60);
        assertThat(answer("huge", 0, BUDGET + 1)).endsWith("#2");
        assertThat(answer("huge", 0, BUDGET + 1)).as("computed again").endsWith("#3");
        assertThat(cache.keptBytes()).isEqualTo(60);
        assertThat(answer("small", 0, 60)).endsWith("#1");
        assertThat(answer("exactly the budget", 0, BUDGET)).endsWith("#4");
        assertThat(answer("exactly the budget", 0, BUDGET)).endsWith("#4");
    }

    @Test
    void anAnswerKeptAgainUnderItsKeyReplacesTheOldOneAndItsSize() {
        StatisticsCache.Key key = new StatisticsCache.Key("question", 0, 3);
        cache.keep(key, "old", 30);
        cache.keep(key, "new", 50);
        assertThat(cache.<String>kept(key)).contains("new");
        assertThat(cache.keptBytes()).isEqualTo(50);
        cache.keep(key, "too large", BUDGET + 1);
        assertThat(cache.kept(key)).as("the old answer is not left behind").isEmpty();
        assertThat(cache.keptBytes()).isZero();
    }

    @Test
    void theServicesCacheHoldsThirtyTwoMegabytes() {
        StatisticsCache service = new StatisticsCache();
        StatisticsCache.Key whole = new StatisticsCache.Key("whole budget", 0, 0);
        service.keep(whole, "answer", 32L * 1024 * 1024);
        assertThat(service.kept(whole)).isPresent();
        service.keep(new StatisticsCache.Key("one byte more", 0, 0), "answer", 1);
        assertThat(service.kept(whole)).isEmpty();
        assertThat(service.keptBytes()).isEqualTo(1);
    }

    @Test
    void aTallysSizeCountsItsFiveMapsAndTheirEntries() {
        Tally tally = new Tally();
        tally.add("18-29", "983974929", "nursing-home", 2020, 2, 1);
        tally.add("30-49", "983974929", "nursing-home", 2021, 3, 0);
        // Age: 2 + 2, year 2, hospital 1, care level 1.
        assertThat(tally.bytes()).isEqualTo(Footprint.OBJECT + 5 * Footprint.MAP + 8 * Footprint.ENTRY);
        assertThat(Tally.bytes(Map.of("a", tally, "b", new Tally())))
                .isEqualTo(Footprint.MAP + 2 * Footprint.ENTRY + tally.bytes() + Footprint.OBJECT + 5 * Footprint.MAP);
    }

    @Test
    void aTrendsMonthsSizeCountsEachGroupsMapAndEachMonthsTwoMaps() {
        DischargeReadyDayTrend.Month month = new DischargeReadyDayTrend.Month();
        month.ready.put("18-29", 3L);
        month.billable.put("18-29", 2L);
        month.ready.put("30-49", 1L);
        long monthBytes = Footprint.OBJECT + 2 * Footprint.MAP + 3 * Footprint.ENTRY;
        assertThat(month.bytes()).isEqualTo(monthBytes);
        long bytes = DischargeReadyDayTrend.bytes(Map.of("1804", Map.of(1, month, 2, month), "1806", Map.of(1, month)));
        // The outer map and one per group, an entry per group and per month, and the months.
        assertThat(bytes).isEqualTo(3 * Footprint.MAP + 2 * Footprint.ENTRY + 3 * Footprint.ENTRY + 3 * monthBytes);
    }

    @Test
    void aPartWithoutAKeyIsComputedEveryTimeAndNotKeptAPartWithOneIsKept() throws SQLException {
        StatisticsCache.Computation<String> computation = () -> "part #" + computed.incrementAndGet();
        assertThat(cache.get(java.util.Optional.empty(), computation, part -> 10)).isEqualTo("part #1");
        assertThat(cache.get(java.util.Optional.empty(), computation, part -> 10)).isEqualTo("part #2");
        assertThat(cache.keptBytes()).isZero();
        java.util.Optional<StatisticsCache.Key> key = java.util.Optional.of(new StatisticsCache.Key("part", 0, 1));
        assertThat(cache.get(key, computation, part -> 10)).isEqualTo("part #3");
        assertThat(cache.get(key, computation, part -> 10)).isEqualTo("part #3");
    }

    @Test
    void theEstimatesBasis() {
        assertThat(Footprint.of(1, 2, 3)).isEqualTo(72 + 2 * 64 + 3 * 112);
        assertThat(Footprint.of("1804,1806")).isEqualTo(40 + 9);
    }

    private String answer(String question, long changes, long bytes) throws SQLException {
        return cache.get(new StatisticsCache.Key(question, 0, changes), () -> question + "@" + changes + " #" + computed.incrementAndGet(),
                answer -> bytes);
    }
}
