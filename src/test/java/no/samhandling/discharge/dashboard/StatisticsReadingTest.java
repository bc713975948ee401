package no.samhandling.discharge.dashboard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.samhandling.discharge.dashboard.StatisticsReading.GroupReading;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** The statistics answer as the API serves it today, and with the fields the statistics capability is adding. */
class StatisticsReadingTest {

    /** As Quarkus serialises the answer: decimals stay BigDecimal. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final String TODAY = """
            {"from":"2017-01-01","to":"2017-12-31","suppressionApplied":true,"groups":[
             {"key":"5601","name":"Alta","municipalities":1,
              "current":{"suppressed":false,"dischargeReadyDays":39,"billableDays":37,"stays":6,"patients":6,"billedAmount":171009.00,
                         "population":20789,"populationYears":[2017],"dischargeReadyDaysPer1000":1.88,"billableDaysPer1000":1.78},
              "previous":{"suppressed":false,"dischargeReadyDays":18},
              "change":{"dischargeReadyDays":21,"dischargeReadyDaysPer1000":1.01}},
             {"key":"5607","name":"Vadsø","municipalities":1,
              "current":{"suppressed":true,"dischargeReadyDays":null,"population":6100,"dischargeReadyDaysPer1000":null},
              "previous":{"suppressed":true},"change":null}]}""";

    private static final String TOMORROW = """
            {"interventions":[{"startsOn":"2017-03-15","title":"Inntaksteam i Alta"},{"startsOn":"15.03.2017","title":"unreadable"},
                              {"title":"no date"}],
             "groups":[{"key":"5601","name":"Alta",
              "current":{"suppressed":false,"dischargeReadyDays":39,"dischargeReadyDaysPer1000":1.88,
                         "dischargeReadyDaysPer1000Standardised":2.05,"realCost":{"hospitalBedCost":450000,"municipalBedCost":120000.50}},
              "previous":{"suppressed":false},
              "change":{"dischargeReadyDaysPer1000":1.01,"dischargeReadyDaysPer1000Standardised":-0.35}}]}""";

    @Test
    void readsTheFiguresTheAnswerCarriesToday() throws IOException {
        JsonNode answer = JSON.readTree(TODAY);
        GroupReading alta = StatisticsReading.groups(answer).getFirst();
        assertThat(alta).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(new GroupReading("5601", "Alta", false, false, 39L, 37L, 6L, new BigDecimal("171009.00"), 20789L,
                new BigDecimal("1.88"), null, new BigDecimal("1.01"), null, null, null));
        assertThat(alta.per1000(Rate.CRUDE)).isEqualByComparingTo("1.88");
        assertThat(alta.per1000(Rate.AGE_STANDARDISED)).isNull();
        assertThat(alta.changePer1000(Rate.CRUDE)).isEqualByComparingTo("1.01");
        GroupReading vadso = StatisticsReading.groups(answer).get(1);
        assertThat(vadso.suppressed()).isTrue();
        assertThat(vadso.previousSuppressed()).isTrue();
        assertThat(vadso.dischargeReadyDays()).isNull();
        assertThat(vadso.population()).isEqualTo(6100L);
        assertThat(StatisticsReading.populationYears(answer)).containsExactly(2017);
    }

    @Test
    void readsAgeStandardisedRatesAndRealCostsInHospitalAndMunicipalBeds() throws IOException {
        JsonNode answer = JSON.readTree(TOMORROW);
        GroupReading alta = StatisticsReading.groups(answer).getFirst();
        assertThat(alta.per1000(Rate.AGE_STANDARDISED)).isEqualByComparingTo("2.05");
        assertThat(alta.changePer1000(Rate.AGE_STANDARDISED)).isEqualByComparingTo("-0.35");
        assertThat(alta.realCostHospitalBeds()).isEqualByComparingTo("450000");
        assertThat(alta.realCostMunicipalBeds()).isEqualByComparingTo("120000.50");
    }

    @Test
    void readsTheMonthsOfTheTrendOfOneTotalHiddenOnesWithoutCounts() throws IOException {
        JsonNode trend = JSON.readTree("""
                {"interval":"month","groups":[{"key":"total","name":"Helsefellesskapet","points":[
                 {"label":"2021-01","from":"2021-01-01","to":"2021-01-31","suppressed":true,"dischargeReadyDays":null,
                  "dischargeReadyDaysPer1000":null,"dischargeReadyDaysPer1000Standardised":null},
                 {"label":"2021-02","from":"2021-02-01","to":"2021-02-28","suppressed":false,"dischargeReadyDays":31,
                  "dischargeReadyDaysPer1000":0.42,"dischargeReadyDaysPer1000Standardised":0.45}]}]}""");
        assertThat(StatisticsReading.months(trend)).usingRecursiveFieldByFieldElementComparator()
                .containsExactly(new StatisticsReading.MonthReading(YearMonth.of(2021, 1), true, null, null, null),
                        new StatisticsReading.MonthReading(YearMonth.of(2021, 2), false, 31L, new BigDecimal("0.42"), new BigDecimal("0.45")));
        assertThat(StatisticsReading.months(trend).get(1).per1000(Rate.CRUDE)).isEqualByComparingTo("0.42");
        assertThat(StatisticsReading.months(trend).get(1).per1000(Rate.AGE_STANDARDISED)).isEqualByComparingTo("0.45");
        assertThat(StatisticsReading.months(JSON.readTree("{\"groups\":[]}"))).isEmpty();
    }

    @Test
    void noGroupsAndNoYearsAreEmpty() throws IOException {
        JsonNode answer = JSON.readTree("{\"groups\":[],\"interventions\":[]}");
        assertThat(StatisticsReading.groups(answer)).isEmpty();
        assertThat(StatisticsReading.populationYears(answer)).isEmpty();
    }
}
