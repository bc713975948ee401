package no.samhandling.discharge.dashboard;

import no.samhandling.discharge.dashboard.StatisticsReading.GroupReading;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RowOrderTest {

    @Test
    void theHighestRateComesFirstAndHiddenOrUnknownRatesLast() {
        List<GroupReading> ordered = RowOrder.byRate(List.of(Readings.hidden("5607", "Vadsø"), Readings.shown("5601", "Alta", 39, "1.83"),
                Readings.shown("5603", "Hammerfest", 24, "2.10"), Readings.shown("5610", "Karasjok", 0, null)), Rate.CRUDE);
        assertThat(ordered).extracting(GroupReading::key).containsExactly("5603", "5601", "5610", "5607");
    }

    @Test
    void equalRatesGoInNorwegianAlphabeticalOrder() {
        List<GroupReading> ordered = RowOrder.byRate(List.of(Readings.shown("1", "Åfjord", 1, "1.00"), Readings.shown("2", "Øksnes", 1, "1.00"),
                Readings.shown("3", "Ætt", 1, "1.00"), Readings.shown("4", "Zeta", 1, "1.00"), Readings.shown("5", "Alta", 1, "1.00")), Rate.CRUDE);
        assertThat(ordered).extracting(GroupReading::name).containsExactly("Alta", "Zeta", "Ætt", "Øksnes", "Åfjord");
    }

    @Test
    void theChosenRateDecidesTheOrder() {
        List<GroupReading> groups = List.of(Readings.standardised("a", "A", "3.0", "1.0"), Readings.standardised("b", "B", "1.0", "3.0"));
        assertThat(RowOrder.byRate(groups, Rate.CRUDE)).extracting(GroupReading::key).containsExactly("a", "b");
        assertThat(RowOrder.byRate(groups, Rate.AGE_STANDARDISED)).extracting(GroupReading::key).containsExactly("b", "a");
    }
}
