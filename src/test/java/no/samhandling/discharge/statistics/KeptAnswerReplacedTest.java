package no.samhandling.discharge.statistics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import no.samhandling.discharge.testsupport.DischargeReadyStays;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * A kept answer (tallies, trend months, hidden cells of a past, closed range) is not given again once a change of its
 * months is committed. November 2020 (no other test registers stays in it): Bodø 4 stays of 2 days, then a fifth of 3 days.
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

    private static String group(String path) {
        return "groups.find { it.key == '" + LOFOTEN_VESTERALEN_SALTEN + "' }." + path;
    }

    private static ValidatableResponse table(String token) {
        return given().auth().oauth2(token).queryParam("groupBy", "health-partnership").queryParam("from", "2020-11-01")
                .queryParam("to", "2020-11-30").when().get("/statistics/discharge-ready-days").then().statusCode(200);
    }

    private static ValidatableResponse trend(String token) {
        return given().auth().oauth2(token).queryParam("groupBy", "health-partnership").queryParam("interval", "month")
                .queryParam("from", "2020-11-01").queryParam("to", "2020-11-30").when().get("/statistics/discharge-ready-days/trend").then()
                .statusCode(200);
    }
}
