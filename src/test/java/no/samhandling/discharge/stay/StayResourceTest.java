package no.samhandling.discharge.stay;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.samhandling.discharge.testsupport.TestPatients;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.samhandling.discharge.stay.StayApi.BODO;
import static no.samhandling.discharge.stay.StayApi.NORDLANDSSYKEHUSET;
import static no.samhandling.discharge.stay.StayApi.RANA;
import static no.samhandling.discharge.stay.StayApi.UNN;
import static no.samhandling.discharge.stay.StayApi.declaration;
import static no.samhandling.discharge.stay.StayApi.post;
import static no.samhandling.discharge.stay.StayApi.register;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class StayResourceTest {

    private final String ward = TestTokens.ward(UNN);
    private final String intake = TestTokens.municipalIntake(RANA);

    @Test
    void theWholeFlowFromAdmissionToDischargeGivesTheRegulationsFigures() {
        String stay = register(ward, RANA, "2024-03-01T10:00:00+01:00");
        post(ward, stay, "admission-notice", Map.of("sentAt", "2024-03-01T15:00:00+01:00", "expectedNeeds", "Hjemmesykepleie",
                "expectedDischargeDate", "2024-03-04")).statusCode(200).body("status", equalTo("admitted"));
        post(ward, stay, "discharge-readiness", declaration("2024-03-04T09:00:00+01:00"))
                .statusCode(200).body("status", equalTo("discharge-ready"));
        post(ward, stay, "discharge-ready-notice", Map.of("sentAt", "2024-03-04T10:00:00+01:00"))
                .statusCode(200).body("status", equalTo("awaiting-municipality"));
        post(intake, stay, "municipality-response", Map.of("answeredAt", "2024-03-04T14:00:00+01:00", "canReceive", false,
                "expectedReadyOn", "2024-03-08")).statusCode(200).body("status", equalTo("municipality-cannot-receive"));
        post(intake, stay, "municipality-response", Map.of("answeredAt", "2024-03-06T09:00:00+01:00", "canReceive", true,
                "readyFrom", "2024-03-07", "offer", "Korttidsplass, Rana helsehus"))
                .statusCode(200).body("status", equalTo("municipality-ready"));
        post(ward, stay, "discharge", Map.of("dischargedAt", "2024-03-08T11:00:00+01:00", "destination", "short-term-bed"))
                .statusCode(200)
                .body("status", equalTo("discharged"))
                .body("figures.dischargeReadyDays", equalTo(4))
                .body("figures.billableDays", equalTo(3))
                .body("figures.periods[0].billableFrom", equalTo("2024-03-04"))
                .body("figures.periods[0].billableUntil", equalTo("2024-03-07"))
                .body("figures.billableDaysByMonth.'2024-03'", equalTo(3))
                .body("events", hasSize(7))
                .body("patient.identifierKind", equalTo("fodselsnummer"));
    }

    @Test
    void declaringADischargedPatientDischargeReadyIsAConflictThatSaysWhy() {
        String stay = register(ward, RANA, "2024-04-01T10:00:00+02:00");
        post(ward, stay, "discharge", Map.of("dischargedAt", "2024-04-02T10:00:00+02:00", "destination", "home")).statusCode(200);
        post(ward, stay, "discharge-readiness", declaration("2024-04-03T09:00:00+02:00"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/impossible-transition"))
                .body("detail", containsString("discharged"));
    }

    @Test
    void anAnswerToANoticeNeverSentIsAConflict() {
        String stay = register(ward, RANA, "2024-04-01T10:00:00+02:00");
        post(ward, stay, "discharge-readiness", declaration("2024-04-03T09:00:00+02:00")).statusCode(200);
        post(intake, stay, "municipality-response", Map.of("canReceive", true))
                .statusCode(409)
                .body("detail", containsString("notice that has been sent"));
    }

    @Test
    void anInvalidPatientIdentifierIsRefusedWithoutEchoingIt() {
        given().auth().oauth2(ward).contentType(ContentType.JSON)
                .body(Map.of("patientIdentifier", "01019012345", "ward", "5B", "serviceArea", "somatic", "residenceMunicipality", RANA))
                .when().post("/stays")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("patientIdentifier"))
                .body(not(containsString("01019012345")));
    }

    @Test
    void aTextWithTheNulCharacterIsRefusedNamingItsField() {
        // PostgreSQL cannot store U+0000 in text: left to the database, it was an unlocated 500.
        given().auth().oauth2(ward).contentType(ContentType.JSON)
                .body(Map.of("patientIdentifier", TestPatients.fodselsnummer(), "ward", "5B\u0000", "serviceArea", "somatic",
                        "residenceMunicipality", RANA))
                .when().post("/stays")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("ward")))
                .body("errors.message", hasItem(containsString("NUL")));
        String stay = register(ward, RANA, "2024-06-01T10:00:00+02:00");
        post(ward, stay, "admission-notice", Map.of("sentAt", "2024-06-01T11:00:00+02:00", "expectedNeeds", "Hjemmesykepleie")).statusCode(200);
        String notice = given().auth().oauth2(ward).when().get("/stays/" + stay).then().statusCode(200)
                .extract().path("events.max { it.sequence }.id");
        given().auth().oauth2(ward).contentType(ContentType.JSON)
                .body(Map.of("corrected", Map.of("sentAt", "2024-06-01T11:00:00+02:00", "expectedNeeds", "Korttids\u0000plass"),
                        "reason", "Feil behov"))
                .when().post("/stays/" + stay + "/events/" + notice + "/correction")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("corrected.expectedNeeds")));
        given().auth().oauth2(TestTokens.admin()).queryParam("hospital", "9839\u000074899").when().get("/stays")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("NUL"));
    }

    @Test
    void missingRequiredFieldsAreListed() {
        given().auth().oauth2(ward).contentType(ContentType.JSON)
                .body(Map.of("patientIdentifier", TestPatients.fodselsnummer()))
                .when().post("/stays")
                .then().statusCode(400)
                .body("errors.field", hasItem("ward"))
                .body("errors.field", hasItem("serviceArea"))
                .body("errors.field", hasItem("residenceMunicipality"));
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyHasNoSecondEffect() {
        String stay = register(ward, RANA, "2024-05-01T10:00:00+02:00");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = declaration("2024-05-02T09:00:00+02:00");
        String first = given().auth().oauth2(ward).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/stays/" + stay + "/discharge-readiness").then().statusCode(200).extract().asString();
        String retry = given().auth().oauth2(ward).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/stays/" + stay + "/discharge-readiness").then().statusCode(200)
                .header("Idempotent-Replayed", "true").extract().asString();
        org.assertj.core.api.Assertions.assertThat(retry).isEqualTo(first);
        given().auth().oauth2(ward).when().get("/stays/" + stay).then().statusCode(200).body("events", hasSize(2));
        given().auth().oauth2(ward).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(declaration("2024-05-03T09:00:00+02:00"))
                .when().post("/stays/" + stay + "/discharge-readiness")
                .then().statusCode(409).body("type", equalTo("/problems/idempotency-key-reused"));
    }

    @Test
    void aChangeBasedOnAnOutdatedVersionIsRefused() {
        String stay = register(ward, RANA, "2024-05-01T10:00:00+02:00");
        int version = given().auth().oauth2(ward).when().get("/stays/" + stay).then().statusCode(200).extract().path("version");
        post(ward, stay, "admission-notice", Map.of("sentAt", "2024-05-01T12:00:00+02:00", "expectedNeeds", "Hjemmetjenester"))
                .statusCode(200);
        given().auth().oauth2(ward).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(declaration("2024-05-02T09:00:00+02:00"))
                .when().post("/stays/" + stay + "/discharge-readiness")
                .then().statusCode(409).body("type", equalTo("/problems/concurrent-update"));
    }

    @Test
    void aCorrectedAnswerAndACancelledNoticeRecomputeTheFigures() {
        String stay = register(ward, RANA, "2024-06-01T10:00:00+02:00");
        post(ward, stay, "admission-notice", Map.of("sentAt", "2024-06-01T12:00:00+02:00", "expectedNeeds", "Sykehjem")).statusCode(200);
        post(ward, stay, "discharge-readiness", declaration("2024-06-03T09:00:00+02:00")).statusCode(200);
        String notice = post(ward, stay, "discharge-ready-notice", Map.of("sentAt", "2024-06-03T10:00:00+02:00"))
                .statusCode(200).extract().path("events[3].id");
        String answer = post(intake, stay, "municipality-response", Map.of("answeredAt", "2024-06-04T10:00:00+02:00",
                "canReceive", true, "readyFrom", "2024-06-05")).statusCode(200).extract().path("events[4].id");
        post(ward, stay, "discharge", Map.of("dischargedAt", "2024-06-10T10:00:00+02:00", "destination", "nursing-home"))
                .statusCode(200).body("figures.billableDays", equalTo(2));

        given().auth().oauth2(intake).contentType(ContentType.JSON)
                .body(Map.of("reason", "Feil dato", "corrected", Map.of("answeredAt", "2024-06-04T10:00:00+02:00",
                        "canReceive", true, "readyFrom", "2024-06-08")))
                .when().post("/stays/" + stay + "/events/" + answer + "/correction")
                .then().statusCode(200)
                .body("figures.billableDays", equalTo(5))
                .body("events.find { it.id == '" + answer + "' }.inForce", equalTo(false));

        given().auth().oauth2(ward).contentType(ContentType.JSON).body(Map.of("reason", "Sendt ved en feil"))
                .when().post("/stays/" + stay + "/events/" + notice + "/cancellation")
                .then().statusCode(409)
                .body("detail", containsString("notice that has been sent"));
    }

    @Test
    void cancellingANoticeWithoutAnswerMakesThePeriodNotBillableAndSaysWhy() {
        String stay = register(ward, RANA, "2024-06-01T10:00:00+02:00");
        post(ward, stay, "admission-notice", Map.of("sentAt", "2024-06-01T12:00:00+02:00", "expectedNeeds", "Sykehjem")).statusCode(200);
        post(ward, stay, "discharge-readiness", declaration("2024-06-03T09:00:00+02:00")).statusCode(200);
        String notice = post(ward, stay, "discharge-ready-notice", Map.of("sentAt", "2024-06-03T10:00:00+02:00"))
                .statusCode(200).extract().path("events[3].id");
        post(ward, stay, "discharge", Map.of("dischargedAt", "2024-06-10T10:00:00+02:00", "destination", "home")).statusCode(200);
        given().auth().oauth2(ward).contentType(ContentType.JSON).body(Map.of("reason", "Sendt ved en feil"))
                .when().post("/stays/" + stay + "/events/" + notice + "/cancellation")
                .then().statusCode(200)
                .body("figures.billableDays", equalTo(0))
                .body("figures.dischargeReadyDays", equalTo(7))
                .body("figures.periods[0].notBillableBecause[0].code", equalTo("discharge-ready-notice-missing"));
    }

    @Test
    void theWardListShowsOnlyTheWardsOwnHospitalWithDaysWaiting() {
        String ours = register(ward, RANA, "2024-07-01T10:00:00+02:00");
        post(ward, ours, "discharge-readiness", declaration("2024-07-02T09:00:00+02:00")).statusCode(200);
        String nlsh = TestTokens.ward(NORDLANDSSYKEHUSET);
        String theirs = register(nlsh, BODO, "2024-07-01T10:00:00+02:00");
        given().auth().oauth2(ward).queryParam("size", 500).when().get("/stays")
                .then().statusCode(200)
                .body("items.hospital", everyItem(equalTo(UNN)))
                .body("items.id", hasItem(ours))
                .body("items.id", not(hasItem(theirs)))
                .body("items.find { it.id == '" + ours + "' }.status", equalTo("discharge-ready"))
                .body("items.find { it.id == '" + ours + "' }.dischargeReadySince", equalTo("2024-07-02"));
    }

    @Test
    void theMunicipalWorkListShowsDischargeReadyAndSoonReadyPatients() {
        // "Soon" is from today: the expected discharge on 5 August is soon on 3 August (not for ever after).
        no.samhandling.discharge.testsupport.TestClock.fixAt("2024-08-03T12:00");
        try {
            workListOnTheThirdOfAugust();
        } finally {
            no.samhandling.discharge.testsupport.TestClock.release();
        }
    }

    private void workListOnTheThirdOfAugust() {
        String intakeBodo = TestTokens.municipalIntake(BODO);
        String waiting = register(ward, BODO, "2024-08-01T10:00:00+02:00");
        post(ward, waiting, "discharge-readiness", declaration("2024-08-02T09:00:00+02:00")).statusCode(200);
        String soon = register(ward, BODO, "2024-08-01T10:00:00+02:00");
        post(ward, soon, "admission-notice", Map.of("sentAt", "2024-08-01T12:00:00+02:00", "expectedNeeds", "Trygghetsalarm",
                "expectedDischargeDate", "2024-08-05")).statusCode(200);
        given().auth().oauth2(intakeBodo).queryParam("size", 500).when().get("/municipalities/" + BODO + "/work-list")
                .then().statusCode(200)
                .body("items.stayId", hasItem(waiting))
                .body("items.stayId", hasItem(soon))
                .body("items.find { it.stayId == '" + waiting + "' }.needs", equalTo("Korttidsplass"))
                .body("items.find { it.stayId == '" + soon + "' }.expectedNeeds", equalTo("Trygghetsalarm"))
                .body("items.find { it.stayId == '" + soon + "' }.dischargeReadySince", nullValue());
    }

    @Test
    void concurrentChangesToOneStayAreEachEitherRecordedOrRefusedNeverLost() throws Exception {
        String stay = register(ward, RANA, "2024-09-01T10:00:00+02:00");
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String needs = "Behov " + i;
            answers.add(pool.submit(() -> {
                start.await();
                return given().auth().oauth2(ward).contentType(ContentType.JSON)
                        .body(Map.of("sentAt", "2024-09-01T12:00:00+02:00", "expectedNeeds", needs))
                        .when().post("/stays/" + stay + "/admission-notice");
            }));
        }
        start.countDown();
        int recorded = 0;
        for (var answer : answers) {
            io.restassured.response.Response response = answer.get();
            if (response.statusCode() == 200) {
                recorded++;
            } else {
                org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(409);
                org.assertj.core.api.Assertions.assertThat(response.jsonPath().getString("type")).isEqualTo("/problems/concurrent-update");
            }
        }
        pool.shutdown();
        org.assertj.core.api.Assertions.assertThat(recorded).isPositive();
        given().auth().oauth2(ward).when().get("/stays/" + stay).then().statusCode(200).body("events", hasSize(1 + recorded));
    }

    @Test
    void everyReadOfAStayIsAuditLogged() {
        String stay = register(ward, RANA, "2024-09-01T10:00:00+02:00");
        given().auth().oauth2(intake).when().get("/stays/" + stay).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).queryParam("stayId", stay).when().get("/audit-log")
                .then().statusCode(200)
                .body("items.action", hasItem("register-stay"))
                .body("items.find { it.action == 'read-stay' }.role", equalTo("municipal-intake"))
                .body("items.find { it.action == 'read-stay' }.tenant", equalTo(RANA))
                .body("items.find { it.action == 'register-stay' }.tenant", equalTo(UNN));
        given().auth().oauth2(TestTokens.board()).when().get("/audit-log").then().statusCode(403);
    }
}
