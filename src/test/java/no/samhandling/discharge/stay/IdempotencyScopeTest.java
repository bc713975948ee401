package no.samhandling.discharge.stay;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import no.samhandling.discharge.testsupport.TestPatients;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.samhandling.discharge.stay.StayApi.NORDLANDSSYKEHUSET;
import static no.samhandling.discharge.stay.StayApi.RANA;
import static no.samhandling.discharge.stay.StayApi.UNN;
import static no.samhandling.discharge.stay.StayApi.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** An Idempotency-Key belongs to one user of one tenant, one method and one path: never another's answer. */
@QuarkusTest
class IdempotencyScopeTest {

    private final String ward = TestTokens.ward(UNN);

    @Test
    void theSameKeyAndBodyOnAnotherStayActsOnThatStayInsteadOfReplayingTheFirst() {
        String first = register(ward, RANA, "2024-09-01T10:00:00+02:00");
        String second = register(ward, RANA, "2024-09-01T11:00:00+02:00");
        String key = UUID.randomUUID().toString();
        Map<String, Object> sameNotice = Map.of("sentAt", "2024-09-01T15:00:00+02:00", "expectedNeeds", "Hjemmesykepleie");

        admissionNotice(first, key, sameNotice).then().statusCode(200).body("id", equalTo(first));
        admissionNotice(second, key, sameNotice).then().statusCode(200)
                .header("Idempotent-Replayed", nullValue())
                .body("id", equalTo(second))
                .body("events", hasSize(2));

        given().auth().oauth2(ward).when().get("/stays/" + second).then().statusCode(200)
                .body("events.type", equalTo(java.util.List.of("admitted", "admission-notice-sent")));
        given().auth().oauth2(ward).when().get("/stays/" + first).then().statusCode(200).body("events", hasSize(2));
    }

    @Test
    void aRetryOnTheSameStayIsStillAnsweredWithTheFirstAnswer() {
        String stay = register(ward, RANA, "2024-09-02T10:00:00+02:00");
        String key = UUID.randomUUID().toString();
        Map<String, Object> notice = Map.of("sentAt", "2024-09-02T15:00:00+02:00", "expectedNeeds", "Hjemmesykepleie");
        String answer = admissionNotice(stay, key, notice).then().statusCode(200).extract().asString();
        ExtractableResponse<Response> retry = admissionNotice(stay, key, notice).then().statusCode(200)
                .header("Idempotent-Replayed", "true").extract();
        assertThat(retry.asString()).isEqualTo(answer);
    }

    @Test
    void aWardOfAnotherHospitalWithTheSameUserNameNeverSeesTheFirstHospitalsAnswer() {
        // TestTokens names every ward token's user "test-ward": only the hospital claim tells them apart.
        String nordland = TestTokens.ward(NORDLANDSSYKEHUSET);
        String key = UUID.randomUUID().toString();
        Map<String, Object> sameBody = Map.of("patientIdentifier", TestPatients.fodselsnummer(), "ward", "Medisinsk sengepost 5B",
                "serviceArea", "somatic", "residenceMunicipality", RANA, "admittedAt", "2024-09-03T10:00:00+02:00");

        String unnStay = registerWithKey(ward, key, sameBody).then().statusCode(201)
                .body("hospital", equalTo(UNN)).extract().path("id");
        String nordlandStay = registerWithKey(nordland, key, sameBody).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .body("hospital", equalTo(NORDLANDSSYKEHUSET)).extract().path("id");

        assertThat(nordlandStay).isNotEqualTo(unnStay);
        given().auth().oauth2(nordland).when().get("/stays/" + unnStay).then().statusCode(404);
    }

    private Response admissionNotice(String stay, String key, Map<String, Object> body) {
        return given().auth().oauth2(ward).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/stays/" + stay + "/admission-notice");
    }

    private static Response registerWithKey(String token, String key, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/stays");
    }
}
