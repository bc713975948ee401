package no.samhandling.discharge.statistics;

import no.samhandling.discharge.statistics.Suppression.Cell;
import no.samhandling.discharge.statistics.Suppression.Relation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuppressionTest {

    @Test
    void nothingIsHiddenWhenEveryCellHasAtLeastFivePatients() {
        assertThat(Suppression.hidden(List.of(cell("P", 20), cell("a", 5), cell("b", 15)), List.of(new Relation("P", List.of("a", "b")))))
                .isEmpty();
    }

    @Test
    void aCellOfFewerThanFivePatientsIsHiddenEvenWithoutAnyTotal() {
        assertThat(Suppression.hidden(List.of(cell("a", 4), cell("b", 5), cell("c", 0)), List.of())).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void aSingleSmallMemberOfAShownTotalTakesTheMemberWithTheNextFewestPatientsWithIt() {
        List<Cell> cells = List.of(cell("P", 30), cell("a", 3), cell("b", 9), cell("c", 6), cell("d", 12));
        assertThat(Suppression.hidden(cells, List.of(new Relation("P", List.of("a", "b", "c", "d"))))).containsExactly("a", "c");
    }

    @Test
    void twoSmallMembersProtectEachOther() {
        List<Cell> cells = List.of(cell("P", 30), cell("a", 3), cell("b", 2), cell("c", 25));
        assertThat(Suppression.hidden(cells, List.of(new Relation("P", List.of("a", "b", "c"))))).containsExactly("a", "b");
    }

    @Test
    void amongEquallyFewPatientsTheOneWithFewerDaysIsHiddenThenTheFirstById() {
        List<Cell> byDays = List.of(new Cell("P", 30, 100), new Cell("a", 3, 10), new Cell("b", 7, 40), new Cell("c", 7, 30));
        assertThat(Suppression.hidden(byDays, List.of(new Relation("P", List.of("a", "b", "c"))))).containsExactly("a", "c");
        List<Cell> byId = List.of(new Cell("P", 30, 100), new Cell("a", 3, 10), new Cell("c", 7, 30), new Cell("b", 7, 30));
        assertThat(Suppression.hidden(byId, List.of(new Relation("P", List.of("a", "c", "b"))))).containsExactly("a", "b");
    }

    @Test
    void aHiddenTotalHidesTheSmallestOfItsShownParts() {
        // A partnership hidden in the region's relation: its own members would give it away.
        List<Cell> cells = List.of(cell("R", 60), cell("P1", 3), cell("x", 3), cell("P2", 20), cell("y", 8), cell("z", 12), cell("P3", 37),
                cell("u", 10), cell("w", 27));
        List<Relation> relations = List.of(new Relation("R", List.of("P1", "P2", "P3")), new Relation("P1", List.of("x")),
                new Relation("P2", List.of("y", "z")), new Relation("P3", List.of("u", "w")));
        assertThat(Suppression.hidden(cells, relations)).containsExactly("P1", "P2", "x", "y");
    }

    @Test
    void theTotalIsHiddenWhenItsOnlyPartIs() {
        assertThat(Suppression.hidden(List.of(cell("P", 7), cell("a", 3)), List.of(new Relation("P", List.of("a"))))).containsExactly("P", "a");
    }

    @Test
    void aRelationWhoseTotalIsItsOwnOnlyPartNeedsNothingMore() {
        assertThat(Suppression.hidden(List.of(cell("a", 3)), List.of(new Relation("a", List.of("a"))))).containsExactly("a");
    }

    @Test
    void aHiddenTotalWithoutPartsStaysTheOnlyHiddenCell() {
        assertThat(Suppression.hidden(List.of(cell("P", 3), cell("Q", 9)), List.of(new Relation("P", List.of())))).containsExactly("P");
    }

    @Test
    void theSameTableInAnyOrderHidesTheSameCells() {
        // Worked in the given order, the region's relation would hide P2 first, which would then protect y on its own;
        // the rule works the relations in a fixed order instead (P2's first: v joins y), so both orders agree.
        List<Cell> cells = new ArrayList<>(List.of(cell("R", 60), cell("P1", 3), cell("x", 3), cell("P2", 20), cell("y", 4), cell("z", 8),
                cell("v", 8), cell("P3", 37), cell("u", 10), cell("w", 27)));
        List<Relation> relations = new ArrayList<>(List.of(new Relation("R", List.of("P1", "P2", "P3")), new Relation("P1", List.of("x")),
                new Relation("P2", List.of("y", "z", "v")), new Relation("P3", List.of("u", "w"))));
        var expected = Suppression.hidden(cells, relations);
        Collections.reverse(cells);
        Collections.reverse(relations);
        assertThat(Suppression.hidden(cells, relations)).isEqualTo(expected).containsExactly("P1", "P2", "v", "x", "y");
    }

    @Test
    void twoRelationsOfOneTotalAreWorkedInTheOrderOfTheirParts() {
        // T split two ways. Worked B first, c would protect a and e at once; A first (the fixed order) hides b, then c.
        List<Cell> cells = List.of(cell("T", 40), cell("a", 3), cell("b", 6), cell("c", 8), cell("e", 2), cell("f", 9));
        Relation a = new Relation("T", List.of("a", "b", "c"));
        Relation b = new Relation("T", List.of("c", "e", "f"));
        assertThat(Suppression.hidden(cells, List.of(b, a))).containsExactly("a", "b", "c", "e");
        assertThat(Suppression.hidden(cells, List.of(a, b, a))).containsExactly("a", "b", "c", "e");
    }

    @Test
    void aRelationNamingNoCellIsAMistakeOfTheCaller() {
        assertThatThrownBy(() -> Suppression.hidden(List.of(cell("a", 3)), List.of(new Relation("P", List.of("a")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P");
        assertThatThrownBy(() -> Suppression.hidden(List.of(cell("P", 9)), List.of(new Relation("P", List.of("b")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b");
    }

    @Test
    void theSmallestShownCountIsFive() {
        assertThat(Suppression.SMALLEST_SHOWN_PATIENT_COUNT).isEqualTo(5);
    }

    private static Cell cell(String id, long patients) {
        return new Cell(id, patients, patients * 3);
    }
}
