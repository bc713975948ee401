package no.samhandling.discharge.statistics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import no.samhandling.discharge.testsupport.DischargeReadyStays;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * A kept answer (the whole answer, tallies, trend months, hidden cells) is not given again once a change of its months,
 * of the reference data or of the patients still waiting in its range is committed. November 2020 (no other test
 * registers stays in it): Bodø 4 stays of 2 days, then a fifth of 3 days; October 2020 (nor in it): one stay of Bodø, billed
 * at the daily rate of 2020; September 2020: Bodø's stays counted by questions never asked before (seeded imports of other
 * tests may have days in it: that test counts what it adds).
 */
@QuarkusTest
class KeptAnswerReplacedTest {

    static final String LOFOTEN_VESTERALEN_SALTEN = "helsefellesskapet-lofoten-vesteralen-salten";
    static final String BODO = "1804";

    @Test
    void aNewStayInAKeptRangeIsInTheNextAnswerAndTrend() {
        String ward = TestTokens.ward(StatisticsResourceTest.HELGELANDSSYKEHUSET);
        for (int i = 0; i < 4; i++) {
            DischargeReadyStays.waitedDays(ward, BODO, LocalDate.of(2020, 11, 2 + i), 2);
        }
        for (int asked = 0; asked < 2; asked++) {
            table(TestTokens.board()).body(group("current.suppressed"), equalTo(true)).body(group("current.patients"), nullValue());
            trend(TestTokens.board()).body(group("points[0].suppressed"), equalTo(true));
            table(TestTokens.admin()).body(group("current.patients"), equalTo(4)).body(group("current.dischargeReadyDays"), equalTo(8));
            trend(TestTokens.admin()).body(group("points[0].dischargeReadyDays"), equalTo(8));
        }

        DischargeReadyStays.waitedDays(ward, BODO, LocalDate.of(2020, 11, 20), 3);

        table(TestTokens.board()).body(group("current.suppressed"), equalTo(false)).body(group("current.patients"), equalTo(5))
                .body(group("current.dischargeReadyDays"), equalTo(11));
        trend(TestTokens.board()).body(group("points[0].suppressed"), equalTo(false)).body(group("points[0].dischargeReadyDays"), equalTo(11));
        table(TestTokens.admin()).body(group("current.patients"), equalTo(5)).body(group("current.dischargeReadyDays"), equalTo(11));
        trend(TestTokens.admin()).body(group("points[0].dischargeReadyDays"), equalTo(11));
    }

    @Test
    void aQuestionNeverAskedCountsTheMonthsKeptRowsAsChangedSince() {
        String ward = TestTokens.ward(StatisticsResourceTest.HELGELANDSSYKEHUSET);
        DischargeReadyStays.waitedDays(ward, BODO, LocalDate.of(2020, 9, 7), 2);
        // Keeps September's rows of every municipality (and August's, the previous range's). Other tests' seeded stays may
        // have days in September 2020 too: the test counts what it adds.
        int before = table(TestTokens.admin(), "health-partnership", "2020-09-01", "2020-09-30").extract().path(group("current.dischargeReadyDays"));

        DischargeReadyStays.waitedDays(ward, BODO, LocalDate.of(2020, 9, 14), 3);

        List<Integer> municipalities = table(TestTokens.admin(), "municipality", "2020-09-01", "2020-09-30").extract()
                .path("groups.collect { it.current.dischargeReadyDays }");
        assertThat(municipalities.stream().mapToInt(Integer::intValue).sum()).as("the partnership's municipalities, never asked before")
                .isEqualTo(before + 3);
        table(TestTokens.admin(), "region", "2020-09-01", "2020-09-30").body("groups[0].current.dischargeReadyDays", equalTo(before + 3));
    }

    @Test
    void aCorrectedDailyRateIsInTheNextAnswer() {
        DischargeReadyStays.waitedDays(TestTokens.ward(StatisticsResourceTest.HELGELANDSSYKEHUSET), BODO, LocalDate.of(2020, 10, 5), 2);
        var rate = given().auth().oauth2(TestTokens.admin()).when().get("/daily-rates/2020").then().statusCode(200).extract();
        BigDecimal nokPerDay = new BigDecimal(rate.path("nokPerDay").toString());
        String version = rate.header("ETag");
        for (int asked = 0; asked < 2; asked++) {
            assertThat(billedInOctober()).isEqualByComparingTo(nokPerDay.multiply(BigDecimal.valueOf(2)));
        }
        String corrected = putRate(nokPerDay.add(BigDecimal.valueOf(100)), version);
        try {
            assertThat(billedInOctober()).as("billed at the corrected rate").isEqualByComparingTo(nokPerDay.add(BigDecimal.valueOf(100))
                    .multiply(BigDecimal.valueOf(2)));
        } finally {
            putRate(nokPerDay, corrected);
        }
        assertThat(billedInOctober()).isEqualByComparingTo(nokPerDay.multiply(BigDecimal.valueOf(2)));
    }

    @Test
    void aPatientStillWaitingIsCountedInEveryAnswerAndANewOneInTheNext() {
        String ward = TestTokens.ward(StatisticsResourceTest.HELGELANDSSYKEHUSET);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Oslo"));
        String yesterday = today.minusDays(1).toString();
        // Other tests' patients may be waiting in Bodø too: the test counts what it adds.
        int before = waitingTable(yesterday, today);
        DischargeReadyStays.waiting(ward, BODO, yesterday);
        assertThat(waitingTable(yesterday, today)).isEqualTo(before + 1);
        assertThat(waitingTable(yesterday, today)).as("asked again").isEqualTo(before + 1);
        DischargeReadyStays.waiting(ward, BODO, yesterday);
        assertThat(waitingTable(yesterday, today)).as("a patient declared since").isEqualTo(before + 2);
    }

    private static int waitingTable(String from, LocalDate to) {
        Integer patients = given().auth().oauth2(TestTokens.admin()).queryParam("groupBy", "municipality").queryParam("healthPartnership",
                        LOFOTEN_VESTERALEN_SALTEN).queryParam("from", from).queryParam("to", to.toString())
                .when().get("/statistics/discharge-ready-days").then().statusCode(200)
                .extract().path("groups.find { it.key == '" + BODO + "' }.current.patients");
        return patients == null ? 0 : patients;
    }

    private static BigDecimal billedInOctober() {
        Object billed = given().auth().oauth2(TestTokens.admin()).queryParam("groupBy", "health-partnership").queryParam("from", "2020-10-01")
                .queryParam("to", "2020-10-31").when().get("/statistics/discharge-ready-days").then().statusCode(200)
                .extract().path(group("current.billedAmount"));
        return new BigDecimal(billed.toString());
    }

    private static String putRate(BigDecimal nokPerDay, String ifMatch) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("If-Match", ifMatch)
                .body(Map.of("nokPerDay", nokPerDay, "source", "KeptAnswerReplacedTest")).when().put("/daily-rates/2020").then()
                .statusCode(200).extract().header("ETag");
    }

    private static String group(String path) {
        return "groups.find { it.key == '" + LOFOTEN_VESTERALEN_SALTEN + "' }." + path;
    }

    private static ValidatableResponse table(String token) {
        return given().auth().oauth2(token).queryParam("groupBy", "health-partnership").queryParam("from", "2020-11-01")
                .queryParam("to", "2020-11-30").when().get("/statistics/discharge-ready-days").then().statusCode(200);
    }

    private static ValidatableResponse table(String token, String groupBy, String from, String to) {
        return given().auth().oauth2(token).queryParam("groupBy", groupBy).queryParam("healthPartnership", LOFOTEN_VESTERALEN_SALTEN)
                .queryParam("from", from).queryParam("to", to).when().get("/statistics/discharge-ready-days")
                .then().statusCode(200);
    }

    private static ValidatableResponse trend(String token) {
        return given().auth().oauth2(token).queryParam("groupBy", "health-partnership").queryParam("interval", "month")
                .queryParam("from", "2020-11-01").queryParam("to", "2020-11-30").when().get("/statistics/discharge-ready-days/trend").then()
                .statusCode(200);
    }
}
