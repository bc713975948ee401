package no.samhandling.discharge.statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which cells of a table of figures a board member may not see (statistics.md, Privacy): a cell of fewer than
 * {@value #SMALLEST_SHOWN_PATIENT_COUNT} patients (primary suppression), and as many more as it takes so that
 * no hidden cell can be worked out as a total minus its other parts (complementary suppression).
 *
 * <p>A table is its cells (a group of municipalities with its patient count and days) and its relations: a
 * total whose additive figures (days, billable days, stays, billed amount) are the sum of its parts'. A relation
 * with exactly one hidden cell gives that cell away; the rule hides one more, the part with the fewest patients
 * (then the fewest days, then by id), or the total when it has no part left to hide, and repeats until every
 * relation has none or at least two hidden cells. When the relations form a hierarchy (every part belongs to one
 * total at each level, as municipalities do in partnerships and partnerships in the region) that suffices: no
 * hidden cell follows from the shown ones by any combination of sums and differences (each relation keeps two
 * unknowns that only their own relations link). Relations are worked through in a fixed order, so the same
 * table gives the same hidden cells whatever order it is given in, and every answer drawn from it agrees.
 */
public final class Suppression {

    /** Counts of fewer patients than this are not shown to board members. */
    public static final int SMALLEST_SHOWN_PATIENT_COUNT = 5;

    /** A cell: a group's patients (for the rule) and discharge-ready days (to choose the smallest). */
    public record Cell(String id, long patients, long days) {
    }

    /** {@code total} = the sum of {@code parts} for every additive figure. */
    public record Relation(String total, List<String> parts) {
        public Relation {
            parts = List.copyOf(parts);
        }
    }

    private Suppression() {
    }

    /** The ids of the cells to hide. Every id a relation names must be a cell. */
    public static Set<String> hidden(Collection<Cell> cells, Collection<Relation> relations) {
        Map<String, Cell> byId = new LinkedHashMap<>();
        cells.forEach(cell -> byId.put(cell.id(), cell));
        List<Relation> ordered = relations.stream().distinct()
                .sorted(Comparator.comparing(Relation::total).thenComparing(relation -> String.join(",", relation.parts()))).toList();
        for (Relation relation : ordered) {
            requireCell(byId, relation.total());
            relation.parts().forEach(part -> requireCell(byId, part));
        }
        Set<String> hidden = new TreeSet<>();
        byId.values().stream().filter(cell -> cell.patients() < SMALLEST_SHOWN_PATIENT_COUNT).forEach(cell -> hidden.add(cell.id()));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Relation relation : ordered) {
                Optional<String> next = complement(relation, byId, hidden);
                if (next.isPresent()) {
                    hidden.add(next.get());
                    changed = true;
                }
            }
        }
        return hidden;
    }

    /** The cell to hide as well when exactly one cell of the relation is hidden. */
    private static Optional<String> complement(Relation relation, Map<String, Cell> cells, Set<String> hidden) {
        List<String> members = new ArrayList<>(relation.parts());
        members.add(relation.total());
        long hiddenMembers = members.stream().distinct().filter(hidden::contains).count();
        if (hiddenMembers != 1) {
            return Optional.empty();
        }
        Optional<String> part = relation.parts().stream().filter(id -> !hidden.contains(id)).map(cells::get)
                .min(Comparator.comparingLong(Cell::patients).thenComparingLong(Cell::days).thenComparing(Cell::id))
                .map(Cell::id);
        return part.isPresent() ? part : Optional.of(relation.total()).filter(id -> !hidden.contains(id));
    }

    private static void requireCell(Map<String, Cell> cells, String id) {
        if (!cells.containsKey(id)) {
            throw new IllegalArgumentException("a relation names " + id + ", which is no cell of the table");
        }
    }
}
