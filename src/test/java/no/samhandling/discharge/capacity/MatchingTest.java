package no.samhandling.discharge.capacity;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import no.samhandling.discharge.capacity.Matching.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchingTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    private static final UUID POOL_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID POOL_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private static Option own(CareLevel level, int inDays, int free, boolean stale) {
        return Option.receiving(level, TODAY.plusDays(inDays), free, stale);
    }

    private static Option pool(UUID id, String name, CareLevel level, int inDays, int free, Integer quota) {
        return Option.pool(id, name, level, TODAY.plusDays(inDays), free, quota);
    }

    @Test
    void aPlaceMeetsANeedAtItsLevelOrHigherButNeverBelowAndNeverAsOther() {
        assertThat(Matching.meets(CareLevel.SHORT_TERM_BED, CareLevel.SHORT_TERM_BED)).isTrue();
        assertThat(Matching.meets(CareLevel.LONG_TERM_NURSING_HOME, CareLevel.SHORT_TERM_BED)).isTrue();
        assertThat(Matching.meets(CareLevel.HOME_CARE, CareLevel.SHORT_TERM_BED)).isFalse();
        assertThat(Matching.meets(CareLevel.OTHER, CareLevel.HOME_CARE)).isFalse();
        assertThat(Matching.meets(CareLevel.HOME_CARE, CareLevel.HOME_CARE)).isTrue();
    }

    @Test
    void theLowestEffectiveCareLevelComesFirstThenTheSoonestDay() {
        Option nursingHomeToday = own(CareLevel.LONG_TERM_NURSING_HOME, 0, 1, false);
        Option rehabilitationLater = own(CareLevel.REHABILITATION_BED, 5, 1, false);
        Option rehabilitationSooner = own(CareLevel.REHABILITATION_BED, 2, 1, false);
        Option shortTermInAWeek = own(CareLevel.SHORT_TERM_BED, 7, 3, false);
        assertThat(Matching.options(CareLevel.SHORT_TERM_BED, TODAY,
                List.of(nursingHomeToday, rehabilitationLater, rehabilitationSooner, shortTermInAWeek)))
                .containsExactly(shortTermInAWeek, rehabilitationSooner, rehabilitationLater, nursingHomeToday);
    }

    @Test
    void levelsBelowTheNeedAndOtherPlacesAreNotOffered() {
        Option homeCare = own(CareLevel.HOME_CARE, 0, 4, false);
        Option other = own(CareLevel.OTHER, 0, 4, false);
        Option shortTerm = own(CareLevel.SHORT_TERM_BED, 0, 1, false);
        assertThat(Matching.options(CareLevel.SHORT_TERM_BED, TODAY, List.of(homeCare, other, shortTerm))).containsExactly(shortTerm);
        assertThat(Matching.options(CareLevel.HOME_CARE, TODAY, List.of(homeCare, other, shortTerm))).containsExactly(homeCare, shortTerm);
    }

    @Test
    void daysBeforeThePatientCanLeaveAndDaysWithoutAFreePlaceAreNotOffered() {
        Option tomorrow = own(CareLevel.SHORT_TERM_BED, 1, 1, false);
        Option onTheDay = own(CareLevel.SHORT_TERM_BED, 3, 1, false);
        Option full = own(CareLevel.SHORT_TERM_BED, 4, 0, false);
        Option after = own(CareLevel.SHORT_TERM_BED, 5, 2, false);
        assertThat(Matching.options(CareLevel.SHORT_TERM_BED, TODAY.plusDays(3), List.of(tomorrow, onTheDay, full, after)))
                .containsExactly(onTheDay, after);
    }

    @Test
    void aPoolIsOfferedWhileItsQuotaHasABedDayLeftOrItHasNoQuota() {
        Option noQuota = pool(POOL_A, "A", CareLevel.SHORT_TERM_BED, 0, 1, null);
        Option oneLeft = pool(POOL_B, "B", CareLevel.SHORT_TERM_BED, 1, 1, 1);
        Option noneLeft = pool(POOL_B, "B", CareLevel.SHORT_TERM_BED, 0, 2, 0);
        assertThat(Matching.options(CareLevel.SHORT_TERM_BED, TODAY, List.of(noQuota, oneLeft, noneLeft))).containsExactly(noQuota, oneLeft);
    }

    @Test
    void onTheSameLevelAndDayFreshFiguresComeBeforeStaleOnesAndOwnPlacesBeforeAPoolsByPoolName() {
        Option stale = own(CareLevel.SHORT_TERM_BED, 0, 5, true);
        Option poolB = pool(POOL_A, "B pool", CareLevel.SHORT_TERM_BED, 0, 1, null);
        Option poolA = pool(POOL_B, "A pool", CareLevel.SHORT_TERM_BED, 0, 1, null);
        Option fresh = own(CareLevel.SHORT_TERM_BED, 0, 1, false);
        assertThat(Matching.options(CareLevel.SHORT_TERM_BED, TODAY, List.of(stale, poolB, poolA, fresh)))
                .containsExactly(fresh, poolA, poolB, stale);
    }

    @Test
    void betweenOptionsAlikeInAllElseMoreFreePlacesAndThenMoreQuotaLeftComeFirst() {
        Option one = pool(POOL_A, "A", CareLevel.SHORT_TERM_BED, 0, 1, null);
        Option two = pool(POOL_A, "A", CareLevel.SHORT_TERM_BED, 0, 2, null);
        Option twoWithQuota = pool(POOL_A, "A", CareLevel.SHORT_TERM_BED, 0, 2, 5);
        Option twoWithMoreQuota = pool(POOL_A, "A", CareLevel.SHORT_TERM_BED, 0, 2, 9);
        assertThat(Matching.options(CareLevel.SHORT_TERM_BED, TODAY, List.of(one, twoWithQuota, twoWithMoreQuota, two)))
                .containsExactly(two, twoWithMoreQuota, twoWithQuota, one);
    }

    @Test
    void twoPoolsOfOneNameAreOrderedByTheirIds() {
        Option second = pool(POOL_B, "Same", CareLevel.SHORT_TERM_BED, 0, 1, null);
        Option first = pool(POOL_A, "Same", CareLevel.SHORT_TERM_BED, 0, 1, null);
        assertThat(Matching.options(CareLevel.SHORT_TERM_BED, TODAY, List.of(second, first))).containsExactly(first, second);
    }

    @Test
    void aStaleFigureOnAnEarlierDayStillComesBeforeAFreshOneOnALaterDay() {
        Option staleToday = own(CareLevel.SHORT_TERM_BED, 0, 1, true);
        Option freshTomorrow = own(CareLevel.SHORT_TERM_BED, 1, 1, false);
        assertThat(Matching.options(CareLevel.SHORT_TERM_BED, TODAY, List.of(freshTomorrow, staleToday))).containsExactly(staleToday, freshTomorrow);
    }

    @Test
    void theSoonestOptionOfEachSourceAndLevelIsKept() {
        Option ownShortSoon = own(CareLevel.SHORT_TERM_BED, 1, 1, false);
        Option ownShortLater = own(CareLevel.SHORT_TERM_BED, 2, 1, false);
        Option poolSoon = pool(POOL_A, "A", CareLevel.SHORT_TERM_BED, 1, 1, null);
        Option poolLater = pool(POOL_A, "A", CareLevel.SHORT_TERM_BED, 3, 2, null);
        Option otherPool = pool(POOL_B, "B", CareLevel.SHORT_TERM_BED, 3, 2, null);
        Option ownRehabilitation = own(CareLevel.REHABILITATION_BED, 4, 1, false);
        List<Option> ordered = Matching.options(CareLevel.SHORT_TERM_BED, TODAY,
                List.of(ownShortSoon, ownShortLater, poolSoon, poolLater, otherPool, ownRehabilitation));
        assertThat(Matching.soonestOfEachSource(ordered)).containsExactly(ownShortSoon, poolSoon, otherPool, ownRehabilitation);
    }

    @Test
    void anOptionNamesItsPoolExactlyWhenItIsAPools() {
        assertThatThrownBy(() -> new Option(CareOptionSource.BED_POOL, CareLevel.SHORT_TERM_BED, TODAY, 1, false, null, "A", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Option(CareOptionSource.RECEIVING_CAPACITY, CareLevel.SHORT_TERM_BED, TODAY, 1, false, POOL_A, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Option(null, CareLevel.SHORT_TERM_BED, TODAY, 1, false, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("source");
        assertThatThrownBy(() -> new Option(CareOptionSource.RECEIVING_CAPACITY, null, TODAY, 1, false, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("careLevel");
        assertThatThrownBy(() -> new Option(CareOptionSource.RECEIVING_CAPACITY, CareLevel.HOME_CARE, null, 1, false, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("date");
        Option pool = pool(POOL_A, "A", CareLevel.REHABILITATION_BED, 2, 3, 4);
        assertThat(pool.source()).isEqualTo(CareOptionSource.BED_POOL);
        assertThat(pool.stale()).isFalse();
        assertThat(pool.poolName()).isEqualTo("A");
        assertThat(pool.remainingQuota()).isEqualTo(4);
        Option own = own(CareLevel.HOME_CARE, 1, 2, true);
        assertThat(own.source()).isEqualTo(CareOptionSource.RECEIVING_CAPACITY);
        assertThat(own.poolId()).isNull();
        assertThat(own.remainingQuota()).isNull();
        assertThat(CareOptionSource.BED_POOL.code()).isEqualTo("bed-pool");
        assertThat(CareOptionSource.RECEIVING_CAPACITY.code()).isEqualTo("receiving-capacity");
    }

    @Test
    void placesChosenAfterAFigureWasPublishedAreTakenFromTheirFirstDayOn() {
        Instant published = Instant.parse("2025-03-09T08:00:00Z");
        List<Matching.Chosen> chosen = List.of(
                new Matching.Chosen(CareLevel.SHORT_TERM_BED, TODAY.plusDays(2), published.plusSeconds(60)),
                new Matching.Chosen(CareLevel.SHORT_TERM_BED, TODAY, published.minusSeconds(60)),
                new Matching.Chosen(CareLevel.SHORT_TERM_BED, TODAY, published),
                new Matching.Chosen(CareLevel.REHABILITATION_BED, TODAY, published.plusSeconds(60)));
        assertThat(Matching.placesLeft(CareLevel.SHORT_TERM_BED, TODAY.plusDays(1), 3, published, chosen)).isEqualTo(3);
        assertThat(Matching.placesLeft(CareLevel.SHORT_TERM_BED, TODAY.plusDays(2), 3, published, chosen)).isEqualTo(2);
        assertThat(Matching.placesLeft(CareLevel.SHORT_TERM_BED, TODAY.plusDays(9), 3, published, chosen)).isEqualTo(2);
        assertThat(Matching.placesLeft(CareLevel.REHABILITATION_BED, TODAY, 1, published, chosen)).isZero();
        assertThat(Matching.placesLeft(CareLevel.REHABILITATION_BED, TODAY, 0, published, chosen)).isZero();
        assertThat(Matching.placesLeft(CareLevel.REHABILITATION_BED, TODAY, 2, published, chosen)).isEqualTo(1);
    }

    @Test
    void aBedIsFreeFromADayWhenItsStatusLetsItBeGivenAndNoAllocationReachesThatDay() {
        PoolCapacity.Bed free = new PoolCapacity.Bed(UUID.randomUUID(), BedStatus.FREE);
        PoolCapacity.Bed cleaning = new PoolCapacity.Bed(UUID.randomUUID(), BedStatus.BEING_CLEANED);
        PoolCapacity.Bed reserved = new PoolCapacity.Bed(UUID.randomUUID(), BedStatus.RESERVED);
        PoolCapacity.Bed endsTomorrow = new PoolCapacity.Bed(UUID.randomUUID(), BedStatus.FREE);
        PoolCapacity.Bed bookedLater = new PoolCapacity.Bed(UUID.randomUUID(), BedStatus.FREE);
        PoolCapacity.Bed untilDischarge = new PoolCapacity.Bed(UUID.randomUUID(), BedStatus.FREE);
        List<PoolCapacity.Bed> beds = List.of(free, cleaning, reserved, endsTomorrow, bookedLater, untilDischarge);
        List<PoolCapacity.Occupation> occupations = List.of(
                new PoolCapacity.Occupation(endsTomorrow.id(), TODAY.minusDays(3), TODAY.plusDays(1)),
                new PoolCapacity.Occupation(bookedLater.id(), TODAY.plusDays(5), TODAY.plusDays(6)),
                new PoolCapacity.Occupation(untilDischarge.id(), TODAY.minusDays(10), null));
        assertThat(Matching.bedsFreeFrom(TODAY, beds, occupations)).as("a bed being cleaned is not given").containsExactly(free.id());
        assertThat(Matching.bedsFreeFrom(TODAY.plusDays(1), beds, occupations)).containsExactly(free.id());
        assertThat(Matching.bedsFreeFrom(TODAY.plusDays(2), beds, occupations)).containsExactly(free.id(), endsTomorrow.id());
        assertThat(Matching.bedsFreeFrom(TODAY.plusDays(6), beds, occupations)).containsExactly(free.id(), endsTomorrow.id());
        assertThat(Matching.bedsFreeFrom(TODAY.plusDays(7), beds, occupations))
                .containsExactly(free.id(), endsTomorrow.id(), bookedLater.id());
    }

    // Properties over random candidates.

    @Provide
    Arbitrary<Option> options() {
        Arbitrary<CareLevel> levels = Arbitraries.of(CareLevel.class);
        Arbitrary<Integer> days = Arbitraries.integers().between(0, 13);
        Arbitrary<Integer> free = Arbitraries.integers().between(0, 3);
        Arbitrary<Option> own = Combinators.combine(levels, days, free, Arbitraries.of(true, false))
                .as((level, day, places, stale) -> Option.receiving(level, TODAY.plusDays(day), places, stale));
        Arbitrary<Option> pools = Combinators.combine(Arbitraries.of(POOL_A, POOL_B), levels, days, free,
                        Arbitraries.integers().between(0, 3).injectNull(0.3))
                .as((pool, level, day, beds, quota) -> Option.pool(pool, pool.equals(POOL_A) ? "A" : "B", level, TODAY.plusDays(day), beds, quota));
        return Arbitraries.oneOf(own, pools);
    }

    @Provide
    Arbitrary<List<Option>> candidates() {
        return options().list().ofMaxSize(15);
    }

    @Property
    void neverALevelBelowTheNeedNorOtherNorAFullPlaceNorOverQuotaNorTooEarly(@ForAll("candidates") List<Option> candidates,
                                                                              @ForAll CareLevel need) {
        LocalDate earliest = TODAY.plusDays(2);
        List<Option> offered = Matching.options(need, earliest, candidates);
        assertThat(offered).allSatisfy(o -> {
            assertThat(o.careLevel()).isGreaterThanOrEqualTo(need).isNotEqualTo(CareLevel.OTHER);
            assertThat(o.free()).isPositive();
            assertThat(o.remainingQuota() == null || o.remainingQuota() > 0).isTrue();
            assertThat(o.date()).isAfterOrEqualTo(earliest);
        });
        long fitting = candidates.stream().filter(o -> Matching.meets(o.careLevel(), need) && o.free() > 0 && !o.date().isBefore(earliest)
                && (o.remainingQuota() == null || o.remainingQuota() > 0)).count();
        assertThat(offered).hasSize((int) fitting);
    }

    @Property
    void theOrderDoesNotDependOnTheOrderOfTheCandidates(@ForAll("candidates") List<Option> candidates, @ForAll long seed) {
        List<Option> shuffled = new ArrayList<>(candidates);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(Matching.options(CareLevel.HOME_CARE, TODAY, shuffled)).isEqualTo(Matching.options(CareLevel.HOME_CARE, TODAY, candidates));
    }

    @Property
    void theOrderIsTotalLowestLevelThenSoonestDayThenFreshFirst(@ForAll("options") Option a, @ForAll("options") Option b) {
        int ab = Integer.signum(Matching.ORDER.compare(a, b));
        assertThat(ab).isEqualTo(-Integer.signum(Matching.ORDER.compare(b, a)));
        assertThat(ab == 0).isEqualTo(a.equals(b));
        if (a.careLevel() != b.careLevel()) {
            assertThat(ab).isEqualTo(Integer.signum(a.careLevel().compareTo(b.careLevel())));
        } else if (!a.date().equals(b.date())) {
            assertThat(ab).isEqualTo(Integer.signum(a.date().compareTo(b.date())));
        } else if (a.stale() != b.stale()) {
            assertThat(ab).isEqualTo(a.stale() ? 1 : -1);
        }
    }

    @Property
    void theSoonestOfEachSourceIsOneOptionPerSourceInTheSameOrder(@ForAll("candidates") List<Option> candidates) {
        List<Option> ordered = Matching.options(CareLevel.HOME_CARE, TODAY, candidates);
        List<Option> soonest = Matching.soonestOfEachSource(ordered);
        assertThat(ordered).containsAll(soonest);
        assertThat(soonest).isSortedAccordingTo(Matching.ORDER);
        for (Option option : ordered) {
            assertThat(soonest.stream().filter(option::sameSourceAs)).hasSize(1);
        }
    }
}
