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
 * municipalities, so a partnership and a hospital trust area of the same municipalities are one cell.
 */
record Membership(Map<String, String> partnershipOf, Map<String, String> trustOf) {

    static final String REGION = "helse-nord";

    /** Patients and discharge-ready days of one group of the whole table (one of {@code level}'s groups) in one range. */
    record GroupCount(GroupBy level, String key, long patients, long days) {
    }

    /** The hidden cells of one range's table; a cell the table does not have is hidden too (never shown unprotected). */
    record Hidden(Set<String> cells, Set<String> known) {
        boolean hides(String cell) {
            return cells.contains(cell) || !known.contains(cell);
        }

        /** The estimated size: the two sets' entries and the cells' names (long: a cell names all its municipalities). */
        long bytes() {
            return Footprint.of(1, 2, cells.size() + known.size()) + known.stream().mapToLong(Footprint::of).sum();
        }
    }

    Membership {
        partnershipOf = Map.copyOf(partnershipOf);
        trustOf = Map.copyOf(trustOf);
    }

    /** The estimated size (a kept answer's key holds the membership it was computed for): two maps of a number to an id. */
    long bytes() {
        return Footprint.of(1, 2, partnershipOf.size() + trustOf.size())
                + java.util.stream.Stream.concat(partnershipOf.values().stream(), trustOf.values().stream()).mapToLong(Footprint::of).sum();
    }

    /** The cell of a group of an answer, asked for all municipalities or for one partnership's ({@code healthPartnership}). */
    String cellOf(GroupBy groupBy, String key, String healthPartnership) {
        Set<String> members = new TreeSet<>();
        for (String municipality : partnershipOf.keySet()) {
            boolean inScope = healthPartnership == null || healthPartnership.equals(partnershipOf.get(municipality));
            if (inScope && key.equals(groupKey(groupBy, municipality))) {
                members.add(municipality);
            }
        }
        return String.join(",", members);
    }

    private String groupKey(GroupBy groupBy, String municipality) {
        return switch (groupBy) {
            case MUNICIPALITY -> municipality;
            case HEALTH_PARTNERSHIP -> partnershipOf.get(municipality);
            case HOSPITAL_TRUST -> trustOf.get(municipality);
            case REGION -> REGION;
        };
    }

    /**
     * The hidden cells of the whole table (every municipality, partnership, trust area and the region) of one range,
     * from its groups' counts; a group without a count had no patients.
     */
    Hidden hidden(Collection<GroupCount> counts) {
        Map<GroupBy, Map<String, String>> cells = cells();
        Map<String, Suppression.Cell> table = new HashMap<>();
        cells.values().forEach(level -> level.values().forEach(cell -> table.put(cell, new Suppression.Cell(cell, 0, 0))));
        for (GroupCount count : counts) {
            String cell = cells.get(count.level()).get(count.key());
            if (cell == null) {
                throw new IllegalArgumentException("no " + count.level().code() + " " + count.key() + " in the table");
            }
            table.put(cell, new Suppression.Cell(cell, count.patients(), count.days()));
        }
        return new Hidden(Suppression.hidden(table.values(), relations()), Set.copyOf(table.keySet()));
    }

    /** Per level, each group's cell. */
    private Map<GroupBy, Map<String, String>> cells() {
        Map<GroupBy, Map<String, Set<String>>> members = new EnumMap<>(GroupBy.class);
        for (GroupBy level : GroupBy.values()) {
            Map<String, Set<String>> groups = new HashMap<>();
            partnershipOf.keySet().forEach(municipality -> groups.computeIfAbsent(groupKey(level, municipality), k -> new TreeSet<>())
                    .add(municipality));
            members.put(level, groups);
        }
        Map<GroupBy, Map<String, String>> cells = new EnumMap<>(GroupBy.class);
        members.forEach((level, groups) -> {
            Map<String, String> named = new HashMap<>();
            groups.forEach((key, set) -> named.put(key, String.join(",", set)));
            cells.put(level, named);
        });
        return cells;
    }

    /** Each partnership and trust area = the sum of its municipalities; the region = the sum of them. */
    List<Suppression.Relation> relations() {
        List<Suppression.Relation> relations = new ArrayList<>();
        String region = String.join(",", new TreeSet<>(partnershipOf.keySet()));
        for (Map<String, String> level : List.of(partnershipOf, trustOf)) {
            Collection<String> areas = sets(level);
            for (String area : areas) {
                relations.add(new Suppression.Relation(area, List.of(area.split(","))));
            }
            relations.add(new Suppression.Relation(region, List.copyOf(areas)));
        }
        return relations;
    }

    private static Collection<String> sets(Map<String, String> areaOf) {
        Map<String, Set<String>> members = new TreeMap<>();
        areaOf.forEach((municipality, area) -> members.computeIfAbsent(area, a -> new TreeSet<>()).add(municipality));
        return members.values().stream().map(set -> String.join(",", set)).toList();
    }
}
