package no.samhandling.discharge.stay;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.samhandling.discharge.stay.StayApi.RANA;
import static no.samhandling.discharge.stay.StayApi.UNN;
import static no.samhandling.discharge.stay.StayApi.declaration;
import static no.samhandling.discharge.stay.StayApi.post;
import static no.samhandling.discharge.stay.StayApi.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Stored figures through the REST API: the billed amount, § 11 on corrections, and the explicit recomputation. */
@QuarkusTest
class StoredFiguresTest {

    private final String ward = TestTokens.ward(UNN);
    private final String intake = TestTokens.municipalIntake(RANA);

    @Test
    void eachBillableDayIsBilledAtTheDailyRateOfItsOwnYear() {
        // Notice on 30 December 2023, municipality ready on 3 January 2024: 2 days at 5 508 NOK, 2 at 5 745 NOK.
        String stay = waiting("2023-12-30");
        post(intake, stay, "municipality-response", Map.of("answeredAt", "2024-01-02T10:00:00+01:00", "canReceive", true,
                "readyFrom", "2024-01-03")).statusCode(200);
        JsonPath figures = json(post(ward, stay, "discharge", Map.of("dischargedAt", "2024-01-04T10:00:00+01:00", "destination", "home"))
                .statusCode(200).body("figures.billableDays", equalTo(4)).body("figures.unknownRateYears", equalTo(java.util.List.of())));
        assertThat(figures.getObject("figures.billedAmount", BigDecimal.class)).isEqualByComparingTo("22506.00");
        assertThat(figures.getObject("figures.periods[0].billedAmount", BigDecimal.class)).isEqualByComparingTo("22506.00");
        given().auth().oauth2(ward).queryParam("size", 500).when().get("/stays").then().statusCode(200)
                .body("items.find { it.id == '" + stay + "' }.billedAmount", equalTo(22506.00f));
    }

    @Test
    void theAmountIsUnknownAndTheYearNamedWhereTheDailyRateIsUnknown() {
        // No daily rate for 2026 is published (nor entered by any test).
        String stay = waiting("2026-11-02");
        post(ward, stay, "discharge", Map.of("dischargedAt", "2026-11-05T10:00:00+01:00", "destination", "home"))
                .statusCode(200)
                .body("figures.billableDays", equalTo(3))
                .body("figures.billedAmount", nullValue())
                .body("figures.unknownRateYears", contains(2026))
                .body("figures.periods[0].billedAmount", nullValue())
                .body("figures.periods[0].unknownRateYears", contains(2026));
    }

    @Test
    void aCorrectionToCannotReceiveWithoutAnExpectedDateIsRefusedUnderSection11() {
        String stay = waiting("2024-02-05");
        String answer = post(intake, stay, "municipality-response", Map.of("answeredAt", "2024-02-06T10:00:00+01:00", "canReceive", true,
                "readyFrom", "2024-02-08")).statusCode(200).extract().path("events[-1].id");
        post(intake, stay, "events/" + answer + "/correction", Map.of("reason", "Feil svar",
                "corrected", Map.of("answeredAt", "2024-02-06T10:00:00+01:00", "canReceive", false)))
                .statusCode(400)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", contains("expectedReadyOn"));
        given().auth().oauth2(ward).when().get("/stays/" + stay).then().body("status", equalTo("municipality-ready"));
    }

    @Test
    void aChangeOfTheCountingRulesRewritesNoPastFigureUntilAnAdministratorRecomputes() {
        // Admission notice 5 hours after admission: in time by the configured 24 hours, late by a 1-hour rule.
        String stay = waiting("2024-03-11");
        String earlierRules = "v1;admission-notice-deadline=PT1H;later-notice-when-need-arose=false";
        QuarkusTransaction.requiringNew().run(() -> Stay.update("figuresRulesVersion = ?1 where id = ?2", earlierRules, UUID.fromString(stay)));

        // A new event counts the stay by the rules its figures were made by, not by the configuration now.
        post(intake, stay, "municipality-response", Map.of("answeredAt", "2024-03-12T10:00:00+01:00", "canReceive", true,
                "readyFrom", "2024-03-14")).statusCode(200)
                .body("figures.rulesVersion", equalTo(earlierRules))
                .body("figures.billableDays", equalTo(0))
                .body("figures.periods[0].notBillableBecause.code", contains("admission-notice-late"));

        given().auth().oauth2(ward).when().post("/stays/figures/recomputation").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).when().post("/stays/figures/recomputation").then().statusCode(200)
                .body("rulesVersion", startsWith("v1;admission-notice-deadline=PT24H"))
                .body("staysRecomputed", greaterThanOrEqualTo(1));
        given().auth().oauth2(ward).when().get("/stays/" + stay).then().statusCode(200)
                .body("figures.rulesVersion", startsWith("v1;admission-notice-deadline=PT24H"))
                .body("figures.billableDays", equalTo(3));
        given().auth().oauth2(TestTokens.admin()).queryParam("stayId", stay).when().get("/audit-log").then().statusCode(200)
                .body("items.action", hasItem("recompute-figures"));
    }

    /** Admitted at 07:00, admission notice at 12:00, declared and notified on the given day. */
    private String waiting(String day) {
        String stay = register(ward, RANA, day.substring(0, 8) + "01T07:00:00+01:00");
        post(ward, stay, "admission-notice", Map.of("sentAt", day.substring(0, 8) + "01T12:00:00+01:00", "expectedNeeds", "Sykehjem"))
                .statusCode(200);
        post(ward, stay, "discharge-readiness", declaration(day + "T09:00:00+01:00")).statusCode(200);
        post(ward, stay, "discharge-ready-notice", Map.of("sentAt", day + "T10:00:00+01:00")).statusCode(200);
        return stay;
    }

    private static JsonPath json(io.restassured.response.ValidatableResponse response) {
        return response.extract().jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }
}
