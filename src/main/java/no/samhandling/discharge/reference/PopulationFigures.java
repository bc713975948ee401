package no.samhandling.discharge.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Inhabitants of one municipality on 1 January of a year, by age group. The total is the sum of the
 * groups, as in SSB's table, so it cannot disagree with them.
 */
public record PopulationFigures(int year, Map<AgeGroup, Integer> byAgeGroup) {

    /** SSB table 07459 starts in 1986; figures are counted on 1 January, so never for a future year. */
    public static final int FIRST_YEAR = 1986;

    public PopulationFigures {
        byAgeGroup = Collections.unmodifiableMap(new EnumMap<>(byAgeGroup));
    }

    public int total() {
        return byAgeGroup.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Checks figures entered by an administrator: every age group exactly once, no negative counts,
     * a year from {@link #FIRST_YEAR} to the current one, a source.
     *
     * @return one message per problem, keyed by field; empty when the figures are valid
     */
    public static List<ReferenceDataError> validate(int year, int currentYear, Map<String, Integer> byLabel, String source) {
        List<ReferenceDataError> errors = new ArrayList<>();
        if (year < FIRST_YEAR || year > currentYear) {
            errors.add(new ReferenceDataError("year",
                    "must be between " + FIRST_YEAR + " and " + currentYear + " (population on 1 January)"));
        }
        ReferenceDataError.checkSource(source, errors);
        if (byLabel == null || byLabel.isEmpty()) {
            errors.add(new ReferenceDataError("ageGroups", "must give inhabitants for every age group: " + labels()));
            return errors;
        }
        byLabel.forEach((label, count) -> {
            if (AgeGroup.fromLabel(label).isEmpty()) {
                errors.add(new ReferenceDataError("ageGroups." + label, "unknown age group; use " + labels()));
            } else if (count == null || count < 0) {
                errors.add(new ReferenceDataError("ageGroups." + label, "must be 0 or more"));
            }
        });
        for (AgeGroup group : AgeGroup.values()) {
            if (!byLabel.containsKey(group.label())) {
                errors.add(new ReferenceDataError("ageGroups." + group.label(), "is missing"));
            }
        }
        return errors;
    }

    /** Builds the figures from labels that {@link #validate} accepted. */
    public static PopulationFigures fromLabels(int year, Map<String, Integer> byLabel) {
        Map<AgeGroup, Integer> groups = new EnumMap<>(AgeGroup.class);
        byLabel.forEach((label, count) -> groups.put(AgeGroup.fromLabel(label).orElseThrow(), count));
        return new PopulationFigures(year, groups);
    }

    private static String labels() {
        return String.join(", ", java.util.Arrays.stream(AgeGroup.values()).map(AgeGroup::label).toList());
    }
}
