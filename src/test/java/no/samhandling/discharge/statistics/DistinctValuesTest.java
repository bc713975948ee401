package no.samhandling.discharge.statistics;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DistinctValuesTest {

    @Test
    void aValueIsCountedOnceAndBothHalvesTellValuesApart() {
        DistinctValues values = new DistinctValues();
        assertThat(values.add(1, 2)).isTrue();
        assertThat(values.add(1, 2)).isFalse();
        assertThat(values.add(2, 1)).isTrue();
        assertThat(values.add(1, 3)).isTrue();
        assertThat(values.add(0, 0)).as("zero is a value like any other").isTrue();
        assertThat(values.add(0, 0)).isFalse();
        assertThat(values.size()).isEqualTo(4);
    }

    @Test
    void itGrowsPastItsFirstCapacityWithoutLosingAValue() {
        DistinctValues values = new DistinctValues();
        for (long i = 0; i < 100_000; i++) {
            values.add(i, -i);
        }
        for (long i = 0; i < 100_000; i += 7) {
            assertThat(values.add(i, -i)).isFalse();
        }
        assertThat(values.size()).isEqualTo(100_000);
    }

    @Property
    void itCountsAsASetDoes(@ForAll @Size(max = 300) List<@IntRange(min = -20, max = 20) Integer> firsts,
                            @ForAll @IntRange(min = 1, max = 5) int seconds) {
        DistinctValues values = new DistinctValues();
        Set<List<Long>> set = new HashSet<>();
        for (int i = 0; i < firsts.size(); i++) {
            long first = firsts.get(i);
            long second = i % seconds;
            assertThat(values.add(first, second)).isEqualTo(set.add(List.of(first, second)));
        }
        assertThat(values.size()).isEqualTo(set.size());
    }
}
