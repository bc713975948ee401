package no.samhandling.discharge.statistics;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import no.samhandling.discharge.statistics.Suppression.Cell;
import no.samhandling.discharge.statistics.Suppression.Relation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over generated tables shaped as the statistics are (a region of partnerships of municipalities, with patient counts
 * that add up as distinct patients do: a total has at least as many as its largest part and at most their sum).
 */
class SuppressionPropertiesTest {

    /** A generated table: its cells and the relations of a region, its partnerships and their municipalities. */
    record Table(List<Cell> cells, List<Relation> relations) {
    }

    @Property(tries = 500)
    void nothingBelowFivePatientsIsShown(@ForAll("tables") Table table) {
        Set<String> hidden = Suppression.hidden(table.cells(), table.relations());
        table.cells().stream().filter(cell -> cell.patients() < 5).forEach(cell -> assertThat(hidden).contains(cell.id()));
    }

    @Property(tries = 500)
    void noHiddenCountFollowsFromTheShownOnesAndTheShownTotals(@ForAll("tables") Table table) {
        Set<String> hidden = Suppression.hidden(table.cells(), table.relations());
        for (Relation relation : table.relations()) {
            long hiddenInRelation = members(relation).stream().filter(hidden::contains).count();
            assertThat(hiddenInRelation).as("hidden cells of %s (a single one is total minus the others)", relation).isNotEqualTo(1);
        }
        // Stronger than one subtraction: no sum or difference of any relations isolates a hidden cell.
        List<String> unknowns = List.copyOf(hidden);
        List<BigInteger[]> equations = table.relations().stream().map(relation -> coefficients(relation, unknowns)).toList();
        int rank = rank(equations, unknowns.size(), -1);
        for (int column = 0; column < unknowns.size(); column++) {
            assertThat(rank(equations, unknowns.size(), column)).as("%s could be worked out", unknowns.get(column)).isEqualTo(rank);
        }
    }

    @Property(tries = 300)
    void theSameTableInAnyOrderHidesTheSameCells(@ForAll("tables") Table table, @ForAll long seed) {
        List<Cell> cells = new ArrayList<>(table.cells());
        List<Relation> relations = new ArrayList<>(table.relations());
        Collections.shuffle(cells, new Random(seed));
        Collections.shuffle(relations, new Random(seed + 1));
        assertThat(Suppression.hidden(cells, relations)).isEqualTo(Suppression.hidden(table.cells(), table.relations()));
    }

    @Provide
    Arbitrary<Table> tables() {
        Arbitrary<List<List<Integer>>> partnerships = Arbitraries.integers().between(0, 14).list().ofMinSize(1).ofMaxSize(7)
                .list().ofMinSize(1).ofMaxSize(4);
        return partnerships.flatMap(members -> Arbitraries.randoms().map(random -> table(members, random)));
    }

    private static Table table(List<List<Integer>> partnerships, Random random) {
        List<Cell> cells = new ArrayList<>();
        List<Relation> relations = new ArrayList<>();
        List<String> partnershipIds = new ArrayList<>();
        List<Long> partnershipPatients = new ArrayList<>();
        for (int p = 0; p < partnerships.size(); p++) {
            String id = "p" + p;
            List<String> parts = new ArrayList<>();
            List<Long> patients = new ArrayList<>();
            for (int m = 0; m < partnerships.get(p).size(); m++) {
                long count = partnerships.get(p).get(m);
                parts.add(id + "m" + m);
                patients.add(count);
                cells.add(new Cell(id + "m" + m, count, count * (1 + random.nextInt(6))));
            }
            long total = distinct(patients, random);
            cells.add(new Cell(id, total, total * 4));
            relations.add(new Relation(id, parts));
            partnershipIds.add(id);
            partnershipPatients.add(total);
        }
        long region = distinct(partnershipPatients, random);
        cells.add(new Cell("region", region, region * 4));
        relations.add(new Relation("region", partnershipIds));
        return new Table(cells, relations);
    }

    /** Distinct patients of several groups: at least the largest group's, at most all of them. */
    private static long distinct(List<Long> patients, Random random) {
        long largest = patients.stream().mapToLong(Long::longValue).max().orElse(0);
        long sum = patients.stream().mapToLong(Long::longValue).sum();
        return largest + (sum == largest ? 0 : (long) random.nextInt((int) (sum - largest) + 1));
    }

    private static List<String> members(Relation relation) {
        List<String> members = new ArrayList<>(relation.parts());
        members.add(relation.total());
        return members.stream().distinct().toList();
    }

    /** total − Σ parts = 0 on the hidden cells (the shown ones are constants). */
    private static BigInteger[] coefficients(Relation relation, List<String> unknowns) {
        BigInteger[] row = new BigInteger[unknowns.size()];
        java.util.Arrays.fill(row, BigInteger.ZERO);
        Map<String, Integer> column = unknowns.stream().collect(Collectors.toMap(id -> id, unknowns::indexOf));
        if (column.containsKey(relation.total())) {
            row[column.get(relation.total())] = row[column.get(relation.total())].add(BigInteger.ONE);
        }
        for (String part : relation.parts()) {
            if (column.containsKey(part)) {
                row[column.get(part)] = row[column.get(part)].subtract(BigInteger.ONE);
            }
        }
        return row;
    }

    /**
     * The rank of the equations, leaving out one column (or none: -1). A hidden cell is determined exactly when
     * leaving its column out lowers the rank (its column is no combination of the others').
     */
    private static int rank(List<BigInteger[]> equations, int columns, int leftOut) {
        List<BigInteger[]> rows = new ArrayList<>();
        for (BigInteger[] equation : equations) {
            rows.add(equation.clone());
        }
        int rank = 0;
        for (int column = 0; column < columns; column++) {
            if (column == leftOut) {
                continue;
            }
            int pivot = -1;
            for (int r = rank; r < rows.size(); r++) {
                if (rows.get(r)[column].signum() != 0) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            Collections.swap(rows, rank, pivot);
            BigInteger[] top = rows.get(rank);
            for (int r = rank + 1; r < rows.size(); r++) {
                BigInteger[] row = rows.get(r);
                BigInteger factor = row[column];
                if (factor.signum() != 0) {
                    for (int c = 0; c < columns; c++) {
                        row[c] = row[c].multiply(top[column]).subtract(top[c].multiply(factor));
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
