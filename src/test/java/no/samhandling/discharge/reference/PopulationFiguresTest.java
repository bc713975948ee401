package no.samhandling.discharge.reference;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PopulationFiguresTest {

    private static final Map<String, Integer> RANA_2022 = Map.of("0-17", 5003, "18-29", 3938, "30-49", 6219,
            "50-66", 6108, "67-79", 3399, "80-89", 1141, "90+", 284);

    private static List<String> fields(List<ReferenceDataError> errors) {
        return errors.stream().map(ReferenceDataError::field).toList();
    }

    @Test
    void totalIsTheSumOfTheAgeGroups() {
        assertThat(PopulationFigures.fromLabels(2022, RANA_2022).total()).isEqualTo(26092);
    }

    @Test
    void completeFiguresWithASourceAreValid() {
        assertThat(PopulationFigures.validate(2022, 2026, RANA_2022, "SSB 07459")).isEmpty();
    }

    @Test
    void everyAgeGroupIsRequired() {
        Map<String, Integer> without90 = new HashMap<>(RANA_2022);
        without90.remove("90+");
        assertThat(fields(PopulationFigures.validate(2022, 2026, without90, "SSB"))).containsExactly("ageGroups.90+");
        assertThat(fields(PopulationFigures.validate(2022, 2026, Map.of(), "SSB"))).containsExactly("ageGroups");
        assertThat(fields(PopulationFigures.validate(2022, 2026, null, "SSB"))).containsExactly("ageGroups");
    }

    @Test
    void unknownAgeGroupsAndNegativeCountsAreRefused() {
        Map<String, Integer> figures = new HashMap<>(RANA_2022);
        figures.put("100+", 2);
        figures.put("0-17", -1);
        assertThat(fields(PopulationFigures.validate(2022, 2026, figures, "SSB")))
                .containsExactlyInAnyOrder("ageGroups.100+", "ageGroups.0-17");
        Map<String, Integer> withNull = new HashMap<>(RANA_2022);
        withNull.put("30-49", null);
        assertThat(fields(PopulationFigures.validate(2022, 2026, withNull, "SSB"))).containsExactly("ageGroups.30-49");
    }

    @Test
    void populationIsCountedOnFirstJanuarySoNeverForAFutureYear() {
        assertThat(fields(PopulationFigures.validate(2027, 2026, RANA_2022, "SSB"))).containsExactly("year");
        assertThat(PopulationFigures.validate(2026, 2026, RANA_2022, "SSB")).isEmpty();
        assertThat(fields(PopulationFigures.validate(1985, 2026, RANA_2022, "SSB"))).containsExactly("year");
    }

    @Test
    void everyFigureNamesItsSource() {
        assertThat(fields(PopulationFigures.validate(2022, 2026, RANA_2022, ""))).containsExactly("source");
    }

    @Test
    void anAgeGroupWithoutInhabitantsIsZeroNotMissing() {
        Map<String, Integer> noneOver90 = new HashMap<>(RANA_2022);
        noneOver90.put("90+", 0);
        assertThat(PopulationFigures.validate(2022, 2026, noneOver90, "SSB")).isEmpty();
    }

    @Test
    void theFirstYearOfFiguresIsAccepted() {
        assertThat(PopulationFigures.validate(PopulationFigures.FIRST_YEAR, 2026, RANA_2022, "SSB")).isEmpty();
        assertThat(fields(PopulationFigures.validate(PopulationFigures.FIRST_YEAR - 1, 2026, RANA_2022, "SSB"))).containsExactly("year");
    }

    @Test
    void anUnknownAgeGroupIsToldTheAgeGroupsThereAre() {
        Map<String, Integer> figures = new HashMap<>(RANA_2022);
        figures.put("100+", 2);
        assertThat(PopulationFigures.validate(2022, 2026, figures, "SSB")).containsExactly(new ReferenceDataError("ageGroups.100+",
                "unknown age group; use 0-17, 18-29, 30-49, 50-66, 67-79, 80-89, 90+"));
    }
}
