package no.samhandling.discharge.dashboard;

import no.samhandling.discharge.dashboard.StatisticsReading.GroupReading;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class CellsTest {

    private static final GroupReading SHOWN = Readings.shown("5601", "Alta", 1234, "1.83");
    private static final GroupReading HIDDEN = Readings.hidden("5607", "Vadsø");
    private static final GroupReading PREVIOUS_HIDDEN = new GroupReading("5603", "Hammerfest", false, true, 10L, 5L, 6L, BigDecimal.ONE,
            9_000L, BigDecimal.ONE, null, null, null, null, null);

    @Test
    void aShownGroupsFiguresAreNorwegianNumbers() {
        assertThat(Cells.count(SHOWN, 1234L)).isEqualTo("1\u00A0234");
        assertThat(Cells.rate(SHOWN, new BigDecimal("1.83"))).isEqualTo("1,8");
        assertThat(Cells.change(SHOWN, new BigDecimal("0.4"))).isEqualTo("+0,4");
        assertThat(Cells.money(SHOWN, new BigDecimal("1234.50"))).isEqualTo("1\u00A0235 kr");
        assertThat(Cells.population(21_000L)).isEqualTo("21\u00A0000");
        assertThat(Cells.spreadsheet(SHOWN, new BigDecimal("1234.5"), 2)).isEqualTo("1234,50");
    }

    @Test
    void aHiddenGroupShowsFewerThanFiveAndItsChangeIsHiddenButItsPopulationIsNot() {
        assertThat(Cells.count(HIDDEN, 3L)).isEqualTo("< 5");
        assertThat(Cells.rate(HIDDEN, BigDecimal.ONE)).isEqualTo("< 5");
        assertThat(Cells.money(HIDDEN, BigDecimal.ONE)).isEqualTo("< 5");
        assertThat(Cells.change(HIDDEN, BigDecimal.ONE)).isEqualTo("skjult");
        assertThat(Cells.spreadsheet(HIDDEN, BigDecimal.ONE, 1)).isEqualTo("< 5");
        assertThat(Cells.change(PREVIOUS_HIDDEN, BigDecimal.ONE)).as("the previous range hidden").isEqualTo("skjult");
        assertThat(Cells.count(PREVIOUS_HIDDEN, 10L)).isEqualTo("10");
    }

    @Test
    void whatTheAnswerDoesNotCarryIsNotAvailable() {
        assertThat(Cells.count(SHOWN, null)).isEqualTo("ikke tilgjengelig");
        assertThat(Cells.rate(SHOWN, null)).isEqualTo("ikke tilgjengelig");
        assertThat(Cells.change(SHOWN, null)).isEqualTo("ikke tilgjengelig");
        assertThat(Cells.money(SHOWN, null)).isEqualTo("ikke tilgjengelig");
        assertThat(Cells.population(null)).isEqualTo("ikke tilgjengelig");
        assertThat(Cells.spreadsheet(SHOWN, null, 1)).isEmpty();
    }
}
