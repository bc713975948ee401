package no.samhandling.discharge.capacity;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PoolCapacityTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    private static PoolCapacity.Bed bed(BedStatus status) {
        return new PoolCapacity.Bed(UUID.randomUUID(), status);
    }

    @Test
    void freeBedsAreCountedFromTheBedsThemselves() {
        List<PoolCapacity.Bed> beds = List.of(bed(BedStatus.FREE), bed(BedStatus.FREE), bed(BedStatus.CLOSED), bed(BedStatus.ISOLATED),
                bed(BedStatus.RESERVED));
        PoolCapacity.Summary summary = PoolCapacity.on(DAY, beds, List.of());
        assertThat(summary.beds()).isEqualTo(5);
        assertThat(summary.free()).isEqualTo(2);
        assertThat(summary.occupied()).isZero();
        assertThat(summary.byStatus()).containsEntry(BedStatus.CLOSED, 1).containsEntry(BedStatus.RESERVED, 1).containsEntry(BedStatus.ISOLATED, 1);
    }

    @Test
    void aFreeBedGivenToAPatientIsOccupiedOnTheDaysOfTheAllocationOnly() {
        PoolCapacity.Bed bed = bed(BedStatus.FREE);
        List<PoolCapacity.Occupation> allocation = List.of(new PoolCapacity.Occupation(bed.id(), DAY, DAY.plusDays(2)));
        assertThat(PoolCapacity.on(DAY.minusDays(1), bed, allocation)).isEqualTo(BedStatus.FREE);
        assertThat(PoolCapacity.on(DAY, bed, allocation)).isEqualTo(BedStatus.OCCUPIED);
        assertThat(PoolCapacity.on(DAY.plusDays(2), bed, allocation)).isEqualTo(BedStatus.OCCUPIED);
        assertThat(PoolCapacity.on(DAY.plusDays(3), bed, allocation)).isEqualTo(BedStatus.FREE);
        assertThat(PoolCapacity.on(DAY, List.of(bed), allocation).free()).isZero();
    }

    @Test
    void aClosedBedStaysClosedWhateverItsAllocations() {
        PoolCapacity.Bed bed = bed(BedStatus.CLOSED);
        assertThat(PoolCapacity.on(DAY, bed, List.of(new PoolCapacity.Occupation(bed.id(), DAY, DAY)))).isEqualTo(BedStatus.CLOSED);
    }

    @Test
    void onlyAFreeBedIsGivenButABedCleanedWhileGivenStillShowsItsPatient() {
        assertThat(java.util.Arrays.stream(BedStatus.values()).filter(BedStatus::canBeAllocated)).containsExactly(BedStatus.FREE);
        PoolCapacity.Bed cleaning = bed(BedStatus.BEING_CLEANED);
        assertThat(PoolCapacity.on(DAY, cleaning, List.of(new PoolCapacity.Occupation(cleaning.id(), DAY, null)))).isEqualTo(BedStatus.OCCUPIED);
        assertThat(PoolCapacity.on(DAY, cleaning, List.of())).isEqualTo(BedStatus.BEING_CLEANED);
        PoolCapacity.Bed isolated = bed(BedStatus.ISOLATED);
        assertThat(PoolCapacity.on(DAY, isolated, List.of(new PoolCapacity.Occupation(isolated.id(), DAY, null)))).isEqualTo(BedStatus.ISOLATED);
    }

    @Test
    void anotherBedsAllocationChangesNothing() {
        PoolCapacity.Bed bed = bed(BedStatus.FREE);
        assertThat(PoolCapacity.on(DAY, List.of(bed), List.of(new PoolCapacity.Occupation(UUID.randomUUID(), DAY, DAY))).free()).isEqualTo(1);
    }

    @Property
    void everyBedIsCountedOnceAndFreeBedsAreTheUnallocatedFreeOnes(@ForAll("beds") List<PoolCapacity.Bed> beds,
                                                                  @ForAll("offsets") List<Integer> allocatedStarts) {
        List<PoolCapacity.Occupation> occupations = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(beds.size(), allocatedStarts.size()); i++) {
            LocalDate from = DAY.plusDays(allocatedStarts.get(i));
            occupations.add(new PoolCapacity.Occupation(beds.get(i).id(), from, from.plusDays(3)));
        }
        PoolCapacity.Summary summary = PoolCapacity.on(DAY, beds, occupations);
        assertThat(summary.byStatus().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(beds.size());
        long expectedFree = beds.stream().filter(b -> b.status() == BedStatus.FREE)
                .filter(b -> occupations.stream().noneMatch(o -> o.bedId().equals(b.id()) && o.covers(DAY))).count();
        assertThat(summary.free()).isEqualTo((int) expectedFree);
        assertThat(PoolCapacity.on(DAY, beds, List.of()).free()).isGreaterThanOrEqualTo(summary.free());
    }

    @Provide
    Arbitrary<List<PoolCapacity.Bed>> beds() {
        return Arbitraries.of(BedStatus.class).map(PoolCapacityTest::bed).list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<Integer>> offsets() {
        return Arbitraries.integers().between(-5, 5).list().ofMaxSize(20);
    }
}
