package no.samhandling.discharge.bench.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Helse Nord's real reference data, read from the CSVs the service's migration is generated from. */
final class ReferenceCsv {

    private static final Path FOLDER = Path.of("src/main/reference-data");

    private ReferenceCsv() {
    }

    static Area helseNord() throws IOException {
        Map<String, Map<Integer, int[]>> population = new TreeMap<>();
        for (List<String> row : rows(FOLDER.resolve("population-nord.csv"))) {
            int group = Area.AGE_GROUPS.indexOf(row.get(2));
            if (group < 0) {
                continue; // the row "all": the sum of the groups
            }
            population.computeIfAbsent(row.get(0), n -> new TreeMap<>())
                    .computeIfAbsent(Integer.parseInt(row.get(1)), y -> new int[Area.AGE_GROUPS.size()])[group] = Integer.parseInt(row.get(3));
        }
        Map<String, Area.Trust> trusts = new LinkedHashMap<>();
        Map<String, Area.Partnership> partnerships = new LinkedHashMap<>();
        List<Area.Municipality> municipalities = new ArrayList<>();
        for (List<String> row : rows(FOLDER.resolve("municipalities-nord.csv"))) {
            String partnershipName = row.get(7);
            String partnershipId = kebab(partnershipName);
            trusts.putIfAbsent(row.get(5), new Area.Trust(row.get(5), row.get(4), false));
            partnerships.putIfAbsent(partnershipId, new Area.Partnership(partnershipId, partnershipName, false));
            municipalities.add(new Area.Municipality(row.get(0), row.get(2), row.get(3), row.get(6), row.get(5), partnershipId, false,
                    population.getOrDefault(row.get(0), Map.of())));
        }
        return new Area(List.copyOf(trusts.values()), List.copyOf(partnerships.values()), municipalities);
    }

    /** As the migration generator names partnerships: lower case, Norwegian letters folded, words joined by '-'. */
    static String kebab(String name) {
        return name.toLowerCase().replace("æ", "ae").replace("ø", "o").replace("å", "a")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static List<List<String>> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(fields(line));
            }
        }
        return rows;
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
