package no.samhandling.discharge.statistics;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistinctPerGroupTest {

    @Test
    void aValueCountsOnceInEachGroupItIsInAndOnceInACoarserGroupOfSeveral() {
        DistinctPerGroup distinct = new DistinctPerGroup(4, 1);
        distinct.add(1, 0, 0);
        distinct.add(1, 0, 0);
        distinct.add(1, 0, 1);
        distinct.add(1, 0, 1);
        distinct.add(2, 0, 1);
        distinct.add(1, 7, 3);
        distinct.add(0, 0, 2);
        distinct.add(0, 0, 3);
        distinct.add(0, 0, 3);
        assertThat(distinct.counts()).containsExactly(1, 2, 1, 2);
        // Groups 0 and 1 make up coarser group 0, groups 2 and 3 coarser group 1.
        assertThat(distinct.counts(2, group -> group / 2)).containsExactly(2, 2);
        assertThat(distinct.counts(1, group -> 0)).as("values 1, 2, (1, 7) and 0").containsExactly(4);
    }

    @Test
    void itGrowsPastWhatWasExpectedWithoutLosingAValueOrItsGroup() {
        DistinctPerGroup distinct = new DistinctPerGroup(3, 4);
        for (long i = 0; i < 50_000; i++) {
            distinct.add(i, -i, (int) (i % 3));
        }
        for (long i = 0; i < 50_000; i += 7) {
            distinct.add(i, -i, (int) (i % 3));
        }
        assertThat(distinct.counts()).containsExactly(16_667, 16_667, 16_666);
    }

    @Property
    void growingKeepsEveryValuesFirstGroupAndItsFurtherOnes(@ForAll @Size(min = 50, max = 400) List<@IntRange(min = 0, max = 100_000) Integer> values) {
        DistinctPerGroup distinct = new DistinctPerGroup(5, 1);
        Map<Integer, Set<Long>> sets = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < values.size(); i++) {
                long value = values.get(i) % (values.size() / 2 + 1);
                int group = (i + round) % 5;
                distinct.add(value * 31, value, group);
                sets.computeIfAbsent(group, g -> new HashSet<>()).add(value);
            }
        }
        int[] counts = distinct.counts();
        for (int g = 0; g < 5; g++) {
            assertThat(counts[g]).isEqualTo(sets.getOrDefault(g, Set.of()).size());
        }
        Set<Long> all = new HashSet<>();
        sets.values().forEach(all::addAll);
        assertThat(distinct.counts(1, group -> 0)).containsExactly(all.size());
    }

    @Test
    void aGroupOutsideTheCountedOnesIsRefused() {
        DistinctPerGroup distinct = new DistinctPerGroup(2, 1);
        assertThatThrownBy(() -> distinct.add(1, 0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> distinct.add(1, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void itCountsAsASetPerGroupDoes(@ForAll @Size(max = 300) List<@IntRange(min = -10, max = 10) Integer> values,
                                    @ForAll @IntRange(min = 1, max = 6) int groups, @ForAll @IntRange(min = 1, max = 3) int coarser) {
        DistinctPerGroup distinct = new DistinctPerGroup(groups, values.size());
        Map<Integer, Set<List<Long>>> sets = new HashMap<>();
        Map<Integer, Set<List<Long>>> coarserSets = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            long first = values.get(i);
            long second = i % 2 == 0 ? 0 : first * 3;
            int group = Math.floorMod(values.get(i) * 7 + i, groups);
            distinct.add(first, second, group);
            sets.computeIfAbsent(group, g -> new HashSet<>()).add(List.of(first, second));
            coarserSets.computeIfAbsent(group % coarser, g -> new HashSet<>()).add(List.of(first, second));
        }
        int[] counts = distinct.counts();
        for (int g = 0; g < groups; g++) {
            assertThat(counts[g]).isEqualTo(sets.getOrDefault(g, Set.of()).size());
        }
        int[] coarserCounts = distinct.counts(coarser, group -> group % coarser);
        for (int c = 0; c < coarser; c++) {
            assertThat(coarserCounts[c]).isEqualTo(coarserSets.getOrDefault(c, Set.of()).size());
        }
    }
}
