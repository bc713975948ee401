package no.samhandling.discharge.stay;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import no.samhandling.discharge.testsupport.TestClock;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.samhandling.discharge.stay.StayApi.UNN;
import static no.samhandling.discharge.stay.StayApi.declaration;
import static no.samhandling.discharge.stay.StayApi.post;
import static no.samhandling.discharge.stay.StayApi.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The work list as a municipal case officer reads it, on a fixed "today" (2024-06-10 in Oslo): days
 * waiting, order, what is left out, each entry's own period's answer, billing and amount so far.
 */
@QuarkusTest
class MunicipalWorkListTest {

    /** Gildeskål: no other test plans for its patients. */
    private static final String GILDESKAL = "1838";
    /** Beiarn: for the filter test alone. */
    private static final String BEIARN = "1839";

    private String municipality = GILDESKAL;

    private final String ward = TestTokens.ward(UNN);

    @BeforeEach
    void fixToday() {
        TestClock.fixAt("2024-06-10T12:00");
    }

    @AfterEach
    void releaseToday() {
        TestClock.release();
    }

    @Test
    void showsWhoWaitsLongestFirstWithTheirOwnPeriodsAnswerAndLeavesOutWhatIsNotSoon() {
        // Waiting since 1 June, the municipality cannot yet: 9 days waiting, all billable.
        String cannot = waiting("2024-06-01");
        answer(cannot, Map.of("answeredAt", "2024-06-02T10:00:00+02:00", "canReceive", false, "expectedReadyOn", "2024-06-15"));
        // Waiting since 5 June, the municipality can receive from 8 June: 5 days waiting, 3 billable.
        String ready = waiting("2024-06-05");
        answer(ready, Map.of("answeredAt", "2024-06-06T10:00:00+02:00", "canReceive", true, "readyFrom", "2024-06-08",
                "offer", "Korttidsplass, Inndyr"));
        // A first period answered "cannot", withdrawn; a new period since 8 June without a notice.
        String second = waiting("2024-05-01");
        answer(second, Map.of("answeredAt", "2024-05-02T10:00:00+02:00", "canReceive", false, "expectedReadyOn", "2024-05-20"));
        post(ward, second, "withdrawal", Map.of("withdrawnAt", "2024-05-03T10:00:00+02:00", "reason", "Ny infeksjon")).statusCode(200);
        post(ward, second, "discharge-readiness", declaration("2024-06-08T09:00:00+02:00")).statusCode(200);
        // Admitted, expected home within the week (soon), long ago (not soon), or in three weeks (not soon).
        String soon = admittedExpecting("2024-06-12");
        admittedExpecting("2024-06-01");
        admittedExpecting("2024-07-01");
        // Discharged: left out.
        String discharged = waiting("2024-06-03");
        post(ward, discharged, "discharge", Map.of("dischargedAt", "2024-06-04T10:00:00+02:00", "destination", "home")).statusCode(200);

        ValidatableResponse list = workList("").statusCode(200)
                .body("totalItems", equalTo(4))
                .body("items.stayId", contains(cannot, ready, second, soon))
                .body("items.daysWaiting", contains(9, 5, 2, 0))
                .body("items.billableDaysSoFar", contains(9, 3, 0, 0))
                .body("items.billingStartedOn", contains("2024-06-01", "2024-06-05", null, null))
                .body("items.canReceive", contains(false, true, null, null))
                .body("items.readyFrom", contains(null, "2024-06-08", null, null))
                .body("items.expectedReadyOn", contains("2024-06-15", null, null, null))
                .body("items[1].offer", equalTo("Korttidsplass, Inndyr"))
                .body("items[2].notBillableBecause.code", contains("discharge-ready-notice-missing"))
                .body("items[0].notBillableBecause", equalTo(List.of()))
                .body("items[3].expectedDischargeDate", equalTo("2024-06-12"));
        List<BigDecimal> amounts = list.extract().jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                .getList("items.billedAmountSoFar", BigDecimal.class);
        // 2024's daily rate is 5 745 NOK.
        assertThat(amounts).containsExactly(new BigDecimal("51705.00"), new BigDecimal("17235.00"), new BigDecimal("0.00"),
                new BigDecimal("0.00"));
    }

    @Test
    void filtersByStatusAndPagesInTheDatabase() {
        municipality = BEIARN;
        String earlier = waiting("2024-06-01");
        String ready = waiting("2024-06-04");
        answer(ready, Map.of("answeredAt", "2024-06-05T10:00:00+02:00", "canReceive", true, "readyFrom", "2024-06-06"));
        workList("?status=municipality-ready").statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items.stayId", contains(ready));
        workList("?size=1&page=0").statusCode(200).body("totalItems", equalTo(2)).body("totalPages", equalTo(2))
                .body("items.stayId", contains(earlier));
        workList("?size=1&page=1").statusCode(200).body("items.stayId", contains(ready));
    }

    @Test
    void anotherMunicipalitysIntakeTeamGetsNoWorkList() {
        workList("", TestTokens.municipalIntake("1833")).statusCode(403).body("type", equalTo("/problems/forbidden"));
    }

    private String waiting(String declaredOn) {
        String stay = register(ward, municipality, declaredOn + "T08:00:00+02:00");
        post(ward, stay, "admission-notice", Map.of("sentAt", declaredOn + "T09:00:00+02:00", "expectedNeeds", "Korttidsplass"))
                .statusCode(200);
        post(ward, stay, "discharge-readiness", declaration(declaredOn + "T10:00:00+02:00")).statusCode(200);
        post(ward, stay, "discharge-ready-notice", Map.of("sentAt", declaredOn + "T11:00:00+02:00")).statusCode(200);
        return stay;
    }

    private String admittedExpecting(String expectedDischargeDate) {
        String stay = register(ward, municipality, "2024-05-20T08:00:00+02:00");
        post(ward, stay, "admission-notice", Map.of("sentAt", "2024-05-20T09:00:00+02:00", "expectedNeeds", "Hjemmesykepleie",
                "expectedDischargeDate", expectedDischargeDate)).statusCode(200);
        return stay;
    }

    private void answer(String stay, Map<String, Object> answer) {
        post(TestTokens.municipalIntake(municipality), stay, "municipality-response", answer).statusCode(200);
    }

    private ValidatableResponse workList(String query) {
        return workList(query, TestTokens.municipalIntake(municipality));
    }

    private ValidatableResponse workList(String query, String token) {
        return given().auth().oauth2(token).when().get("/municipalities/" + municipality + "/work-list" + query).then();
    }
}
