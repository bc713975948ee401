package no.samhandling.discharge.testsupport;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Discharge-ready stays made through the REST API, as a ward and an intake team would, for tests of the figures. */
public final class DischargeReadyStays {

    private DischargeReadyStays() {
    }

    /**
     * A new patient of the municipality, admitted at 07:00, admission notice at 08:00, declared discharge-ready at 09:00 and
     * the municipality notified at 10:00 on the day (a winter offset, +01:00): discharge-ready and billable from that day.
     */
    public static String waiting(String wardToken, String municipality, String day) {
        return waiting(wardToken, TestPatients.fodselsnummer(), municipality, day);
    }

    /** {@link #waiting(String, String, String)} for the given patient (an identifier whose birth date the test chose). */
    public static String waiting(String wardToken, String patientIdentifier, String municipality, String day) {
        String stay = given().auth().oauth2(wardToken).contentType(ContentType.JSON)
                .body(Map.of("patientIdentifier", patientIdentifier, "ward", "Medisinsk sengepost",
                        "serviceArea", "somatic", "residenceMunicipality", municipality, "admittedAt", day + "T07:00:00+01:00"))
                .when().post("/stays").then().statusCode(201).extract().path("id");
        post(wardToken, stay, "admission-notice", Map.of("sentAt", day + "T08:00:00+01:00", "expectedNeeds", "Sykehjem")).statusCode(200);
        Map<String, Object> declaration = new HashMap<>();
        declaration.put("declaredAt", day + "T09:00:00+01:00");
        declaration.put("assessorHprNumber", "9144889");
        declaration.put("assessment", Map.of("problemsAtAdmissionClarified", true, "diagnosisAndFollowUpPlanSet", true,
                "functionLevelAssessed", true));
        declaration.put("needs", "Korttidsplass");
        post(wardToken, stay, "discharge-readiness", declaration).statusCode(200);
        post(wardToken, stay, "discharge-ready-notice", Map.of("sentAt", day + "T10:00:00+01:00")).statusCode(200);
        return stay;
    }

    /** {@link #waiting} on {@code day}, discharged home at 10:00 {@code days} later: that many discharge-ready and billable days. */
    public static void waitedDays(String wardToken, String municipality, java.time.LocalDate day, int days) {
        String stay = waiting(wardToken, municipality, day.toString());
        post(wardToken, stay, "discharge", Map.of("dischargedAt", day.plusDays(days) + "T10:00:00+01:00", "destination", "home"))
                .statusCode(200);
    }

    public static ValidatableResponse post(String token, String stayId, String command, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/stays/" + stayId + "/" + command).then();
    }
}
