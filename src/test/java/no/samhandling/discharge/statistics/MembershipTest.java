package no.samhandling.discharge.statistics;

import no.samhandling.discharge.statistics.Membership.GroupCount;
import no.samhandling.discharge.statistics.Membership.Hidden;
import no.samhandling.discharge.statistics.Suppression.Relation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two partnerships (P: a, b, c; Q: d, e) and two hospital trusts whose areas cut across them (T: a, b; U: c, d, e).
 */
class MembershipTest {

    private static final Membership MEMBERSHIP = new Membership(Map.of("a", "P", "b", "P", "c", "P", "d", "Q", "e", "Q"),
            Map.of("a", "T", "b", "T", "c", "U", "d", "U", "e", "U"));

    @Test
    void aCellIsNamedByItsMunicipalitiesWithinTheAskedPartnership() {
        assertThat(MEMBERSHIP.cellOf(GroupBy.MUNICIPALITY, "c", null)).isEqualTo("c");
        assertThat(MEMBERSHIP.cellOf(GroupBy.HEALTH_PARTNERSHIP, "P", null)).isEqualTo("a,b,c");
        assertThat(MEMBERSHIP.cellOf(GroupBy.HOSPITAL_TRUST, "U", null)).isEqualTo("c,d,e");
        assertThat(MEMBERSHIP.cellOf(GroupBy.REGION, Membership.REGION, null)).isEqualTo("a,b,c,d,e");
        assertThat(MEMBERSHIP.cellOf(GroupBy.REGION, Membership.REGION, "Q")).isEqualTo("d,e");
        assertThat(MEMBERSHIP.cellOf(GroupBy.HOSPITAL_TRUST, "U", "P")).isEqualTo("c");
        assertThat(MEMBERSHIP.cellOf(GroupBy.MUNICIPALITY, "d", "P")).isEmpty();
    }

    @Test
    void everyAreaIsTheSumOfItsMunicipalitiesAndTheRegionOfTheAreas() {
        assertThat(MEMBERSHIP.relations()).containsExactlyInAnyOrder(new Relation("a,b,c", List.of("a", "b", "c")),
                new Relation("d,e", List.of("d", "e")), new Relation("a,b,c,d,e", List.of("a,b,c", "d,e")),
                new Relation("a,b", List.of("a", "b")), new Relation("c,d,e", List.of("c", "d", "e")),
                new Relation("a,b,c,d,e", List.of("a,b", "c,d,e")));
    }

    @Test
    void theTableHasACellForEveryGroupOfEveryLevelAndNoOther() {
        Hidden hidden = MEMBERSHIP.hidden(everyGroupWith(10));
        assertThat(hidden.known()).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "a,b,c", "d,e", "a,b", "c,d,e", "a,b,c,d,e");
        assertThat(hidden.cells()).isEmpty();
        assertThat(hidden.hides("a,b")).isFalse();
        assertThat(hidden.hides("b,c")).as("a cell the table does not have").isTrue();
    }

    @Test
    void aSmallMunicipalityTakesTheNextSmallestOfEachAreaItIsInWithIt() {
        List<GroupCount> counts = new java.util.ArrayList<>(everyGroupWith(10));
        counts.removeIf(count -> count.level() == GroupBy.MUNICIPALITY && Set.of("a", "b", "c").contains(count.key()));
        counts.add(new GroupCount(GroupBy.MUNICIPALITY, "a", 2, 4));
        counts.add(new GroupCount(GroupBy.MUNICIPALITY, "b", 9, 30));
        counts.add(new GroupCount(GroupBy.MUNICIPALITY, "c", 8, 30));
        // a < 5; in T (a, b) only b is left to hide, and that protects a within P (a, b, c) too.
        assertThat(MEMBERSHIP.hidden(counts).cells()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aGroupWithoutACountHadNoPatientsAndIsHidden() {
        List<GroupCount> counts = everyGroupWith(10).stream().filter(count -> !count.key().equals("e")).toList();
        // e had none; with equal counts elsewhere the first by id goes: U (c, d, e) hides c, Q (d, e) d, P (a, b, c) a, T (a, b) b.
        assertThat(MEMBERSHIP.hidden(counts).cells()).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
    }

    @Test
    void aPartnershipAndATrustOfTheSameMunicipalitiesAreOneCell() {
        Membership same = new Membership(Map.of("a", "P", "b", "P", "c", "Q"), Map.of("a", "T", "b", "T", "c", "U"));
        List<GroupCount> counts = List.of(new GroupCount(GroupBy.MUNICIPALITY, "a", 6, 6), new GroupCount(GroupBy.MUNICIPALITY, "b", 7, 7),
                new GroupCount(GroupBy.MUNICIPALITY, "c", 3, 3), new GroupCount(GroupBy.HEALTH_PARTNERSHIP, "P", 13, 13),
                new GroupCount(GroupBy.HEALTH_PARTNERSHIP, "Q", 3, 3), new GroupCount(GroupBy.HOSPITAL_TRUST, "T", 13, 13),
                new GroupCount(GroupBy.HOSPITAL_TRUST, "U", 3, 3), new GroupCount(GroupBy.REGION, Membership.REGION, 16, 16));
        Hidden hidden = same.hidden(counts);
        assertThat(hidden.known()).containsExactlyInAnyOrder("a", "b", "c", "a,b", "a,b,c");
        // c < 5 is Q too; the region = P + Q would give it away unless P is hidden, and P = a + b then hides a (fewest patients).
        assertThat(hidden.cells()).containsExactlyInAnyOrder("c", "a,b", "a");
    }

    @Test
    void aCountOfAGroupTheMembershipDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> MEMBERSHIP.hidden(List.of(new GroupCount(GroupBy.HEALTH_PARTNERSHIP, "X", 9, 9))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("health-partnership X");
    }

    private static List<GroupCount> everyGroupWith(long patients) {
        List<GroupCount> counts = new java.util.ArrayList<>();
        for (String municipality : List.of("a", "b", "c", "d", "e")) {
            counts.add(new GroupCount(GroupBy.MUNICIPALITY, municipality, patients, patients * 3));
        }
        counts.add(new GroupCount(GroupBy.HEALTH_PARTNERSHIP, "P", patients * 3, patients * 9));
        counts.add(new GroupCount(GroupBy.HEALTH_PARTNERSHIP, "Q", patients * 2, patients * 6));
        counts.add(new GroupCount(GroupBy.HOSPITAL_TRUST, "T", patients * 2, patients * 6));
        counts.add(new GroupCount(GroupBy.HOSPITAL_TRUST, "U", patients * 3, patients * 9));
        counts.add(new GroupCount(GroupBy.REGION, Membership.REGION, patients * 5, patients * 15));
        return counts;
    }

    @Test
    void aHiddenTablesSizeEstimateCountsItsHiddenCellsAndTheirNamesNotTheMembershipsCells() {
        Hidden hidden = new Hidden(Set.of("a", "a,b,c"), Set.of("a", "b", "c", "a,b,c"));
        assertThat(hidden.bytes()).isEqualTo(Footprint.OBJECT + Footprint.MAP + 2 * Footprint.ENTRY + 2 * Footprint.STRING + 1 + 5);
    }

    @Test
    void everyRangesProtectionSharesTheMembershipsCells() {
        Hidden one = MEMBERSHIP.hidden(List.of());
        Hidden other = MEMBERSHIP.hidden(everyGroupWith(10));
        assertThat(one.known()).isSameAs(other.known()).isSameAs(MEMBERSHIP.allCells());
        assertThat(MEMBERSHIP).isEqualTo(new Membership(Map.of("a", "P", "b", "P", "c", "P", "d", "Q", "e", "Q"), MEMBERSHIP.trustOf()));
    }
}
