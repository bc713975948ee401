package no.samhandling.discharge.dashboard;

import no.samhandling.discharge.dashboard.StatisticsReading.GroupReading;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardCsvTest {

    @Test
    void theRowsAreTheTablesInItsOrderForANorwegianSpreadsheet() {
        GroupReading unknown = new GroupReading("5610", "Karasjok; Kárášjohka \"K\"", false, false, 0L, 0L, 0L, null, null, null, null,
                null, null, null, null);
        String csv = DashboardCsv.of(List.of(Readings.shown("5601", "Alta", 39, "1.83"), unknown, Readings.hidden("5607", "Vadsø")), Rate.CRUDE,
                LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31));
        assertThat(csv).startsWith("\uFEFF");
        assertThat(csv.substring(1).split("\r\n", -1)).containsExactly(
                "Kommunenummer;Kommune;Fra;Til;Overliggerdøgn;Overliggerdøgn per 1000 innbyggere (ujustert);Endring per 1000 fra forrige periode;"
                        + "Betalingsdøgn;Fakturert beløp (NOK);Innbyggere",
                "5601;Alta;01.01.2017;31.12.2017;39;1,8;0,4;38;1234,50;21000",
                "5610;\"Karasjok; Kárášjohka \"\"K\"\"\";01.01.2017;31.12.2017;0;;;0;;",
                "5607;Vadsø;01.01.2017;31.12.2017;< 5;< 5;skjult;< 5;< 5;2000",
                "");
    }

    @Test
    void theAgeStandardisedRateIsNamedInTheHeaderAndItsChangeShown() {
        String csv = DashboardCsv.of(List.of(Readings.standardised("1", "A", "3.0", "1.04"),
                new GroupReading("2", "B", false, true, 1L, 1L, 5L, BigDecimal.ONE, 10L, BigDecimal.ONE, BigDecimal.ONE, null, null, null, null)),
                Rate.AGE_STANDARDISED, LocalDate.of(2017, 1, 1), LocalDate.of(2017, 6, 30));
        assertThat(csv).contains(";Overliggerdøgn per 1000 innbyggere (aldersstandardisert);")
                .contains("\r\n1;A;01.01.2017;30.06.2017;10;1,0;2,4;8;10,00;1000\r\n")
                .contains("\r\n2;B;01.01.2017;30.06.2017;1;1,0;skjult;1;1,00;10\r\n");
    }
}
