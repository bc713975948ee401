package no.samhandling.discharge.statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which municipalities make up each group; a cell of the whole table (statistics.md, Privacy) is named by its
 * municipalities, so a partnership and a hospital trust area of the same municipalities are one cell. The cells of each
 * level, all cells and the relations between them follow from the two maps and are worked out once, when the
 * membership is read: every range's protection (120 for a ten-year monthly trend) uses them.
 */
record Membership(Map<String, String> partnershipOf, Map<String, String> trustOf, Map<GroupBy, Map<String, String>> cellOfGroup,
                  Set<String> allCells, List<Suppression.Relation> relations) {

    static final String REGION = "helse-nord";

    /** Patients and discharge-ready days of one group of the whole table (one of {@code level}'s groups) in one range. */
    record GroupCount(GroupBy level, String key, long patients, long days) {
    }

    /**
     * The hidden cells of one range's table; a cell the table does not have ({@code known}: the membership's cells) is
     * hidden too (never shown unprotected).
     */
    record Hidden(Set<String> cells, Set<String> known) {
        boolean hides(String cell) {
            return cells.contains(cell) || !known.contains(cell);
        }

        /**
         * The estimated size: the hidden cells and their names (long: a cell names all its municipalities). The known
         * cells are the membership's, one set for every range computed from it, and not counted here.
         */
        long bytes() {
            return Footprint.of(1, 1, cells.size()) + cells.stream().mapToLong(Footprint::of).sum();
        }
    }

    Membership {
        partnershipOf = Map.copyOf(partnershipOf);
        trustOf = Map.copyOf(trustOf);
    }

    Membership(Map<String, String> partnershipOf, Map<String, String> trustOf) {
        this(partnershipOf, trustOf, cellsOf(partnershipOf, trustOf));
    }

    private Membership(Map<String, String> partnershipOf, Map<String, String> trustOf, Map<GroupBy, Map<String, String>> cellOfGroup) {
        this(partnershipOf, trustOf, cellOfGroup, allCellsOf(cellOfGroup), relationsOf(partnershipOf, trustOf));
    }

    /** The cell of a group of an answer, asked for all municipalities or for one partnership's ({@code healthPartnership}). */
    String cellOf(GroupBy groupBy, String key, String healthPartnership) {
        Set<String> members = new TreeSet<>();
        for (String municipality : municipalitiesOf(healthPartnership)) {
            if (key.equals(groupKey(groupBy, municipality))) {
                members.add(municipality);
            }
        }
        return String.join(",", members);
    }

    /** The municipalities an answer is asked for: one partnership's, or all ({@code null}). */
    Set<String> municipalitiesOf(String healthPartnership) {
        Set<String> members = new java.util.HashSet<>();
        partnershipOf.forEach((municipality, partnership) -> {
            if (healthPartnership == null || healthPartnership.equals(partnership)) {
                members.add(municipality);
            }
        });
        return members;
    }

    private String groupKey(GroupBy groupBy, String municipality) {
        return groupKey(partnershipOf, trustOf, groupBy, municipality);
    }

    private static String groupKey(Map<String, String> partnershipOf, Map<String, String> trustOf, GroupBy groupBy, String municipality) {
        return switch (groupBy) {
            case MUNICIPALITY -> municipality;
            case HEALTH_PARTNERSHIP -> partnershipOf.get(municipality);
            case HOSPITAL_TRUST -> trustOf.get(municipality);
            case REGION -> REGION;
        };
    }

    /** The group of {@code groupBy} a municipality of the membership is in. */
    String groupOf(GroupBy groupBy, String municipality) {
        return groupKey(groupBy, municipality);
    }

    /**
     * Each group's patients (distinct) and discharge-ready days of every level from one range's rows: those of a
     * municipality of the membership (on the basis) and, when {@code serviceArea} is given, of that service area. A group
     * without rows has no count.
     */
    List<GroupCount> counts(List<StayMonthRows> rows, Basis basis, String serviceArea) {
        List<String> municipalities = List.copyOf(new TreeSet<>(partnershipOf.keySet()));
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < municipalities.size(); i++) {
            indexOf.put(municipalities.get(i), i);
        }
        int expected = rows.stream().mapToInt(StayMonthRows::size).sum();
        DistinctPerGroup patients = new DistinctPerGroup(municipalities.size(), expected);
        long[] days = new long[municipalities.size()];
        for (StayMonthRows part : rows) {
            for (int i = 0; i < part.size(); i++) {
                Integer municipality = indexOf.get(part.municipality(basis, i));
                if (municipality == null || serviceArea != null && !serviceArea.equals(part.serviceArea(i))) {
                    continue;
                }
                patients.add(part.patient(i), 0, municipality);
                days[municipality] += part.readyDays(i);
            }
        }
        List<GroupCount> counts = new ArrayList<>();
        for (GroupBy level : GroupBy.values()) {
            List<String> groups = new ArrayList<>();
            Map<String, Integer> groupIndex = new HashMap<>();
            int[] groupOf = new int[municipalities.size()];
            for (int m = 0; m < municipalities.size(); m++) {
                groupOf[m] = groupIndex.computeIfAbsent(groupKey(level, municipalities.get(m)), key -> {
                    groups.add(key);
                    return groups.size() - 1;
                });
            }
            int[] patientsOfGroup = patients.counts(groups.size(), m -> groupOf[m]);
            long[] daysOfGroup = new long[groups.size()];
            for (int m = 0; m < municipalities.size(); m++) {
                daysOfGroup[groupOf[m]] += days[m];
            }
            for (int g = 0; g < groups.size(); g++) {
                if (patientsOfGroup[g] > 0) {
                    counts.add(new GroupCount(level, groups.get(g), patientsOfGroup[g], daysOfGroup[g]));
                }
            }
        }
        return counts;
    }

    /**
     * The hidden cells of the whole table (every municipality, partnership, trust area and the region) of one range,
     * from its groups' counts; a group without a count had no patients.
     */
    Hidden hidden(Collection<GroupCount> counts) {
        Map<String, Suppression.Cell> table = new HashMap<>();
        allCells.forEach(cell -> table.put(cell, new Suppression.Cell(cell, 0, 0)));
        for (GroupCount count : counts) {
            String cell = cellOfGroup.get(count.level()).get(count.key());
            if (cell == null) {
                throw new IllegalArgumentException("no " + count.level().code() + " " + count.key() + " in the table");
            }
            table.put(cell, new Suppression.Cell(cell, count.patients(), count.days()));
        }
        return new Hidden(Suppression.hidden(table.values(), relations), allCells);
    }

    /** Per level, each group's cell. */
    private static Map<GroupBy, Map<String, String>> cellsOf(Map<String, String> partnershipOf, Map<String, String> trustOf) {
        Map<GroupBy, Map<String, String>> cells = new EnumMap<>(GroupBy.class);
        for (GroupBy level : GroupBy.values()) {
            Map<String, Set<String>> groups = new HashMap<>();
            partnershipOf.keySet().forEach(municipality -> groups.computeIfAbsent(groupKey(partnershipOf, trustOf, level, municipality),
                    k -> new TreeSet<>()).add(municipality));
            Map<String, String> named = new HashMap<>();
            groups.forEach((key, set) -> named.put(key, String.join(",", set)));
            cells.put(level, Map.copyOf(named));
        }
        return java.util.Collections.unmodifiableMap(cells);
    }

    private static Set<String> allCellsOf(Map<GroupBy, Map<String, String>> cellOfGroup) {
        Set<String> all = new java.util.HashSet<>();
        cellOfGroup.values().forEach(level -> all.addAll(level.values()));
        return Set.copyOf(all);
    }

    /** Each partnership and trust area = the sum of its municipalities; the region = the sum of them. */
    private static List<Suppression.Relation> relationsOf(Map<String, String> partnershipOf, Map<String, String> trustOf) {
        List<Suppression.Relation> relations = new ArrayList<>();
        String region = String.join(",", new TreeSet<>(partnershipOf.keySet()));
        for (Map<String, String> level : List.of(partnershipOf, trustOf)) {
            Collection<String> areas = sets(level);
            for (String area : areas) {
                relations.add(new Suppression.Relation(area, List.of(area.split(","))));
            }
            relations.add(new Suppression.Relation(region, List.copyOf(areas)));
        }
        return List.copyOf(relations);
    }

    private static Collection<String> sets(Map<String, String> areaOf) {
        Map<String, Set<String>> members = new TreeMap<>();
        areaOf.forEach((municipality, area) -> members.computeIfAbsent(area, a -> new TreeSet<>()).add(municipality));
        return members.values().stream().map(set -> String.join(",", set)).toList();
    }
}
