package no.samhandling.discharge.capacity;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationsTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

    private static LocalDate day(int offset) {
        return TODAY.plusDays(offset);
    }

    @Test
    void rangesThatShareADayOverlapAndAdjacentOnesDoNot() {
        assertThat(Allocations.overlap(day(0), day(3), day(3), day(5))).isTrue();
        assertThat(Allocations.overlap(day(0), day(3), day(4), day(5))).isFalse();
        assertThat(Allocations.overlap(day(4), day(5), day(0), day(3))).isFalse();
    }

    @Test
    void anAllocationUntilDischargeBlocksEveryLaterDay() {
        assertThat(Allocations.overlap(day(0), null, day(300), day(301))).isTrue();
        assertThat(Allocations.overlap(day(5), day(6), day(0), null)).isTrue();
        assertThat(Allocations.overlap(day(0), day(4), day(5), null)).isFalse();
    }

    @Test
    void aBedIsGivenFromTodayOnAndTheLastDayIsNotBeforeTheFirst() {
        assertThat(Allocations.rangeProblem(new Allocations.Request(day(-1), day(2)), TODAY)).get().asString().contains("today");
        assertThat(Allocations.rangeProblem(new Allocations.Request(day(2), day(1)), TODAY)).get().asString().contains("on or after");
        assertThat(Allocations.rangeProblem(new Allocations.Request(day(0), day(0)), TODAY)).isEmpty();
        assertThat(Allocations.rangeProblem(new Allocations.Request(day(7), null), TODAY)).isEmpty();
    }

    @Test
    void theEarliestAllocationInTheWayIsNamed() {
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        List<Allocations.Booked> booked = List.of(new Allocations.Booked(late, day(8), day(9)), new Allocations.Booked(early, day(2), day(4)),
                new Allocations.Booked(UUID.randomUUID(), day(20), null));
        assertThat(Allocations.inTheWay(new Allocations.Request(day(3), day(8)), booked)).map(Allocations.Booked::allocationId).contains(early);
        assertThat(Allocations.inTheWay(new Allocations.Request(day(5), day(7)), booked)).isEmpty();
        assertThat(Allocations.inTheWay(new Allocations.Request(day(10), null), booked)).map(Allocations.Booked::from).contains(day(20));
    }

    /** Two ranges overlap exactly when some day lies in both. */
    @Test
    void aMoveIsFromTodayOnWithinTheAllocationsDays() {
        LocalDate today = LocalDate.of(2025, 3, 10);
        LocalDate first = LocalDate.of(2025, 3, 8);
        LocalDate last = LocalDate.of(2025, 3, 20);
        assertThat(Allocations.moveProblem(first, last, today, today)).isEmpty();
        assertThat(Allocations.moveProblem(first, last, last, today)).isEmpty();
        assertThat(Allocations.moveProblem(first, null, today.plusDays(300), today)).isEmpty();
        assertThat(Allocations.moveProblem(today, last, today, today)).as("on its first day").isEmpty();
        assertThat(Allocations.moveProblem(first, last, today.minusDays(1), today)).hasValueSatisfying(p -> assertThat(p).contains("today (2025-03-10)"));
        assertThat(Allocations.moveProblem(today.plusDays(2), last, today.plusDays(1), today))
                .hasValueSatisfying(p -> assertThat(p).contains("first day (2025-03-12)"));
        assertThat(Allocations.moveProblem(first, last, last.plusDays(1), today)).hasValueSatisfying(p -> assertThat(p).contains("last day (2025-03-20)"));
    }

    @Property
    void overlapMeansADayInBoth(@ForAll @IntRange(max = 20) int from, @ForAll @IntRange(max = 10) int length,
                                @ForAll @IntRange(max = 20) int otherFrom, @ForAll @IntRange(max = 10) int otherLength) {
        LocalDate a = day(from);
        LocalDate b = day(from + length);
        LocalDate c = day(otherFrom);
        LocalDate d = day(otherFrom + otherLength);
        boolean shareADay = Stream.iterate(a, x -> !x.isAfter(b), x -> x.plusDays(1)).anyMatch(x -> !x.isBefore(c) && !x.isAfter(d));
        assertThat(Allocations.overlap(a, b, c, d)).isEqualTo(shareADay).isEqualTo(Allocations.overlap(c, d, a, b));
    }
}
