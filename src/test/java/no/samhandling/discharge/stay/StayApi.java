package no.samhandling.discharge.stay;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import no.samhandling.discharge.testsupport.TestPatients;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Small helpers that speak the stay API as a ward or an intake team would. */
final class StayApi {

    static final String UNN = "983974899";
    static final String NORDLANDSSYKEHUSET = "983974910";
    static final String RANA = "1833";
    static final String BODO = "1804";

    private StayApi() {
    }

    static String register(String token, String payingMunicipality, String admittedAt) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("patientIdentifier", TestPatients.fodselsnummer(), "ward", "Medisinsk sengepost 5B",
                        "serviceArea", "somatic", "residenceMunicipality", payingMunicipality, "admittedAt", admittedAt))
                .when().post("/stays")
                .then().statusCode(201)
                .extract().path("id");
    }

    static ValidatableResponse post(String token, String stayId, String command, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/stays/" + stayId + "/" + command).then();
    }

    static Map<String, Object> declaration(String declaredAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("declaredAt", declaredAt);
        body.put("assessorHprNumber", "9144889");
        body.put("assessment", Map.of("problemsAtAdmissionClarified", true, "diagnosisAndFollowUpPlanSet", true,
                "functionLevelAssessed", true));
        body.put("needs", "Korttidsplass");
        return body;
    }
}
