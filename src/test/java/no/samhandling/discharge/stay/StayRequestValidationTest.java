package no.samhandling.discharge.stay;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.samhandling.discharge.testsupport.TestPatients;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.samhandling.discharge.stay.StayApi.RANA;
import static no.samhandling.discharge.stay.StayApi.UNN;
import static no.samhandling.discharge.stay.StayApi.declaration;
import static no.samhandling.discharge.stay.StayApi.post;
import static no.samhandling.discharge.stay.StayApi.register;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** What a ward or an intake team sends is read as the contract says, or refused with the field named. */
@QuarkusTest
class StayRequestValidationTest {

    private final String ward = TestTokens.ward(UNN);
    private final String intake = TestTokens.municipalIntake(RANA);

    @Test
    void aMisspeltFieldIsRefusedAndNamedInsteadOfMeaningNow() {
        String stay = register(ward, RANA, "2024-10-01T10:00:00+02:00");
        Map<String, Object> body = declaration(null);
        body.remove("declaredAt");
        body.put("declaredat", "2024-10-02T09:00:00+02:00");
        post(ward, stay, "discharge-readiness", body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors[0].field", equalTo("declaredat"))
                .body("errors[0].message", containsString("declaredAt"));
        given().auth().oauth2(ward).when().get("/stays/" + stay).then().statusCode(200).body("events", hasSize(1));
    }

    @Test
    void aMisspeltFieldInACorrectionIsRefusedAndNamed() {
        String stay = register(ward, RANA, "2024-10-01T10:00:00+02:00");
        String declared = post(ward, stay, "discharge-readiness", declaration("2024-10-02T09:00:00+02:00"))
                .statusCode(200).extract().path("events[1].id");
        Map<String, Object> corrected = declaration(null);
        corrected.remove("declaredAt");
        corrected.put("declaredat", "2024-10-03T09:00:00+02:00");
        given().auth().oauth2(ward).contentType(ContentType.JSON).body(Map.of("corrected", corrected, "reason", "Feil dato"))
                .when().post("/stays/" + stay + "/events/" + declared + "/correction")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("corrected.declaredat"));
    }

    @Test
    void aNumberWhereAMomentIsExpectedIsRefusedNotReadAsEpochSeconds() {
        given().auth().oauth2(ward).contentType(ContentType.JSON)
                .body(registration(Map.of("admittedAt", 1_700_000_000)))
                .when().post("/stays")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("admittedAt"))
                .body("errors[0].message", containsString("ISO 8601"));
    }

    @Test
    void aNumberWhereADateIsExpectedIsRefusedNotReadAsADayCount() {
        String stay = register(ward, RANA, "2024-10-01T10:00:00+02:00");
        post(ward, stay, "admission-notice", Map.of("expectedNeeds", "Hjemmesykepleie", "expectedDischargeDate", 19_999))
                .statusCode(400)
                .body("errors[0].field", equalTo("expectedDischargeDate"))
                .body("errors[0].message", containsString("date"));
    }

    @Test
    void anAdmissionBeforeTheEarliestDateIsRefused() {
        given().auth().oauth2(ward).contentType(ContentType.JSON)
                .body(registration(Map.of("admittedAt", "1900-01-01T10:00:00+01:00")))
                .when().post("/stays")
                .then().statusCode(400)
                .body("errors.field", hasItem("admittedAt"))
                .body("errors.message", hasItem(containsString("2012-01-01")));
    }

    @Test
    void aReadyFromFarAheadIsRefusedAndTheAnswerIsNotRecorded() {
        String stay = register(ward, RANA, "2024-10-01T10:00:00+02:00");
        post(ward, stay, "discharge-readiness", declaration("2024-10-02T09:00:00+02:00")).statusCode(200);
        post(ward, stay, "discharge-ready-notice", Map.of("sentAt", "2024-10-02T10:00:00+02:00")).statusCode(200);
        post(intake, stay, "municipality-response", Map.of("answeredAt", "2024-10-02T14:00:00+02:00", "canReceive", true,
                "readyFrom", "2999-01-01"))
                .statusCode(400)
                .body("errors.field", hasItem("readyFrom"));
        String withinAYear = LocalDate.now(ZoneId.of("Europe/Oslo")).plusMonths(11).toString();
        post(intake, stay, "municipality-response", Map.of("answeredAt", "2024-10-02T14:00:00+02:00", "canReceive", false,
                "expectedReadyOn", withinAYear))
                .statusCode(200).body("status", equalTo("municipality-cannot-receive"));
    }

    @Test
    void aWardTokenNamingAHospitalOutsideTheReferenceDataIsForbiddenWithAReason() {
        given().auth().oauth2(TestTokens.ward("999999999")).contentType(ContentType.JSON)
                .body(registration(Map.of()))
                .when().post("/stays")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"))
                .body("detail", containsString("999999999"))
                .body("detail", containsString("not a hospital trust"));
    }

    private static Map<String, Object> registration(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("patientIdentifier", TestPatients.fodselsnummer(), "ward", "Medisinsk sengepost 5B",
                "serviceArea", "somatic", "residenceMunicipality", RANA));
        body.putAll(overrides);
        return body;
    }
}
