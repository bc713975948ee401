package no.samhandling.discharge.capacity;

import io.restassured.http.ContentType;
import no.samhandling.discharge.testsupport.TestPatients;
import no.samhandling.discharge.testsupport.TestTokens;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.samhandling.discharge.capacity.BedPools.HELGELANDSSYKEHUSET;

/** Patients at Helgelandssykehuset set up through the stay API, as the ward would, for the capacity tests. */
final class Patients {

    private Patients() {
    }

    /** Admitted three hours ago, with the admission notice (§ 8) stating the expected needs and, if given, discharge date. */
    static String admitted(String municipality, String expectedNeeds, LocalDate expectedDischargeDate) {
        String ward = TestTokens.ward(HELGELANDSSYKEHUSET);
        String stay = given().auth().oauth2(ward).contentType(ContentType.JSON)
                .body(Map.of("patientIdentifier", TestPatients.fodselsnummer(), "ward", "Medisinsk sengepost", "serviceArea", "somatic",
                        "residenceMunicipality", municipality, "admittedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).toString()))
                .when().post("/stays").then().statusCode(201).extract().path("id");
        Map<String, Object> notice = new HashMap<>();
        notice.put("expectedNeeds", expectedNeeds);
        if (expectedDischargeDate != null) {
            notice.put("expectedDischargeDate", expectedDischargeDate.toString());
        }
        given().auth().oauth2(ward).contentType(ContentType.JSON).body(notice)
                .when().post("/stays/" + stay + "/admission-notice").then().statusCode(200);
        return stay;
    }

    /** Admitted, declared discharge-ready with the needs, and the municipality notified (§§ 8–10): billable from today. */
    static String dischargeReady(String municipality, String needs) {
        String stay = admitted(municipality, needs, null);
        String ward = TestTokens.ward(HELGELANDSSYKEHUSET);
        Map<String, Object> declaration = new HashMap<>();
        declaration.put("declaredAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString());
        declaration.put("assessorHprNumber", "9144889");
        declaration.put("assessment", Map.of("problemsAtAdmissionClarified", true, "diagnosisAndFollowUpPlanSet", true, "functionLevelAssessed", true));
        declaration.put("needs", needs);
        given().auth().oauth2(ward).contentType(ContentType.JSON).body(declaration).when().post("/stays/" + stay + "/discharge-readiness")
                .then().statusCode(200);
        given().auth().oauth2(ward).contentType(ContentType.JSON).body(Map.of()).when().post("/stays/" + stay + "/discharge-ready-notice")
                .then().statusCode(200);
        return stay;
    }
}
