package no.samhandling.discharge.capacity;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityFiguresTest {

    @Test
    void freePlacesAloneAreEnough() {
        assertThat(new CapacityFigures(null, null, 3).problems()).isEmpty();
    }

    @Test
    void freePlacesAreAllPlacesMinusPlacesTaken() {
        assertThat(new CapacityFigures(12, 10, 2).problems()).isEmpty();
        assertThat(new CapacityFigures(12, 10, 3).problems()).singleElement().asString()
                .contains("places in all minus places taken (12 − 10 = 2), not 3");
    }

    @Test
    void neitherFreeNorTakenPlacesExceedAllPlaces() {
        assertThat(new CapacityFigures(4, null, 5).problems()).singleElement().asString().contains("cannot be more than places in all (4)");
        assertThat(new CapacityFigures(4, 5, 0).problems()).singleElement().asString().contains("places taken (5)");
    }

    @Test
    void negativeCountsAreRefused() {
        assertThat(new CapacityFigures(null, null, -1).problems()).containsExactly("free places cannot be negative");
        assertThat(new CapacityFigures(-2, null, 0).problems()).containsExactly("places in all cannot be negative");
    }

    @Property
    void figuresFromACountOfAllAndTakenPlacesAlwaysAddUp(@ForAll @IntRange(max = 500) int total, @ForAll @IntRange(max = 500) int occupied) {
        if (occupied <= total) {
            assertThat(new CapacityFigures(total, occupied, total - occupied).problems()).isEmpty();
        } else {
            assertThat(new CapacityFigures(total, occupied, 0).problems()).isNotEmpty();
        }
    }
}
