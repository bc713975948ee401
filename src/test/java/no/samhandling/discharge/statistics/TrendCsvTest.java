package no.samhandling.discharge.statistics;

import no.samhandling.discharge.statistics.StatisticsViews.Trend;
import no.samhandling.discharge.statistics.StatisticsViews.TrendGroup;
import no.samhandling.discharge.statistics.StatisticsViews.TrendPoint;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrendCsvTest {

    private static final TrendPoint FEBRUARY_HIDDEN = new TrendPoint("2017-02", LocalDate.of(2017, 2, 1), LocalDate.of(2017, 2, 28), true,
            null, null, 7428L, null, null, null, null, null);
    private static final TrendPoint MARCH = new TrendPoint("2017-03", LocalDate.of(2017, 3, 1), LocalDate.of(2017, 3, 31), false, 8L, 6L, 7428L,
            new BigDecimal("1.08"), new BigDecimal("0.81"), new BigDecimal("1.15"), new BigDecimal("0.86"), 0L);
    private static final TrendPoint APRIL_UNKNOWN_POPULATION = new TrendPoint("2017-04", LocalDate.of(2017, 4, 1), LocalDate.of(2017, 4, 30), false,
            12L, 3L, null, null, null, null, null, 2L);

    private static String csv(TrendGroup... groups) {
        return TrendCsv.of(new Trend(GroupBy.MUNICIPALITY, Basis.PAYING, Interval.MONTH, LocalDate.of(2017, 2, 1), LocalDate.of(2017, 4, 30),
                null, null, "inhabitants", "by age", 2024, Map.of(), "rule", true, List.of(groups)));
    }

    private static List<String> lines(String csv) {
        return List.of(csv.substring(1).split("\r\n", -1));
    }

    @Test
    void startsWithAByteOrderMarkAndANorwegianHeaderSeparatedBySemicolons() {
        String csv = csv();
        assertThat(csv).startsWith("\uFEFF");
        assertThat(lines(csv).getFirst()).isEqualTo("Gruppe;Navn;Periode;Fra;Til;Overliggerdøgn;Betalingsdøgn;Innbyggere;"
                + "Overliggerdøgn per 1000 innbyggere;Betalingsdøgn per 1000 innbyggere;Overliggerdøgn per 1000 aldersstandardisert;"
                + "Betalingsdøgn per 1000 aldersstandardisert;Standardbefolkning (år);Overliggerdøgn med ukjent alder;Skjult (personvern)");
        assertThat(lines(csv)).as("the header and the empty rest after its CRLF").hasSize(2).last().isEqualTo("");
    }

    @Test
    void oneRowPerGroupAndIntervalWithDecimalCommas() {
        List<String> lines = lines(csv(new TrendGroup("1820", "Alstahaug", 1, List.of(MARCH)),
                new TrendGroup("1824", "Vefsn", 1, List.of(APRIL_UNKNOWN_POPULATION))));
        assertThat(lines.subList(1, lines.size())).containsExactly(
                "1820;Alstahaug;2017-03;2017-03-01;2017-03-31;8;6;7428;1,08;0,81;1,15;0,86;2024;0;nei",
                "1824;Vefsn;2017-04;2017-04-01;2017-04-30;12;3;;;;;;2024;2;nei",
                "");
    }

    @Test
    void aHiddenIntervalShowsFewerThanFiveForEveryCountAndRateButItsPublicPopulation() {
        List<String> lines = lines(csv(new TrendGroup("1820", "Alstahaug", 1, List.of(FEBRUARY_HIDDEN, MARCH))));
        assertThat(lines.get(1)).isEqualTo("1820;Alstahaug;2017-02;2017-02-01;2017-02-28;< 5;< 5;7428;< 5;< 5;< 5;< 5;2024;< 5;ja");
        assertThat(lines.get(2)).startsWith("1820;Alstahaug;2017-03;");
    }

    @Test
    void aNameWithTheSeparatorIsQuoted() {
        List<String> lines = lines(csv(new TrendGroup("x", "Nord; Sør \"og\" Midt", 3, List.of(MARCH))));
        assertThat(lines.get(1)).startsWith("x;\"Nord; Sør \"\"og\"\" Midt\";2017-03;");
    }
}
