package no.samhandling.discharge.stay;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.samhandling.discharge.stay.StayApi.NORDLANDSSYKEHUSET;
import static no.samhandling.discharge.stay.StayApi.RANA;
import static no.samhandling.discharge.stay.StayApi.UNN;
import static no.samhandling.discharge.stay.StayApi.declaration;
import static no.samhandling.discharge.stay.StayApi.post;
import static no.samhandling.discharge.stay.StayApi.register;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every stay endpoint refuses the wrong role, and answers a caller of the wrong tenant exactly as if
 * the stay did not exist.
 */
@QuarkusTest
class StayAccessTest {

    private record Call(String method, String path, Map<String, ?> body) {
        io.restassured.response.ValidatableResponse as(String token) {
            RequestSpecification request = given().auth().oauth2(token).contentType(ContentType.JSON);
            if (body != null) {
                request.body(body);
            }
            return request.when().request(method, path).then();
        }
    }

    private String stay;
    private String event;

    @BeforeEach
    void aDischargeReadyPatientAtUnnPaidForByRana() {
        String ward = TestTokens.ward(UNN);
        stay = register(ward, RANA, "2024-10-01T10:00:00+02:00");
        event = post(ward, stay, "discharge-readiness", declaration("2024-10-02T09:00:00+02:00")).statusCode(200)
                .extract().path("events[1].id");
    }

    private List<Call> stayCalls(String id) {
        return List.of(
                new Call("GET", "/stays/" + id, null),
                new Call("POST", "/stays/" + id + "/admission-notice", Map.of("expectedNeeds", "x")),
                new Call("POST", "/stays/" + id + "/discharge-readiness", declaration("2024-10-03T09:00:00+02:00")),
                new Call("POST", "/stays/" + id + "/discharge-ready-notice", Map.of()),
                new Call("POST", "/stays/" + id + "/municipality-response", Map.of("canReceive", true)),
                new Call("POST", "/stays/" + id + "/withdrawal", Map.of("reason", "x")),
                new Call("POST", "/stays/" + id + "/discharge", Map.of("destination", "home")),
                new Call("POST", "/stays/" + id + "/events/" + event + "/correction", Map.of("reason", "x", "corrected", Map.of())),
                new Call("POST", "/stays/" + id + "/events/" + event + "/cancellation", Map.of("reason", "x")));
    }

    @Test
    void aBoardTokenGetsNoPersonalDataAnywhere() {
        String board = TestTokens.board();
        String unknown = UUID.randomUUID().toString();
        List<Call> onUnknown = stayCalls(unknown);
        for (Call call : stayCalls(stay)) {
            String existing = call.as(board).statusCode(403).contentType("application/problem+json").extract().asString();
            String missing = onUnknown.get(stayCalls(stay).indexOf(call)).as(board).statusCode(403).extract().asString();
            org.assertj.core.api.Assertions.assertThat(existing.replace(stay, unknown)).as(call.path()).isEqualTo(missing);
        }
        given().auth().oauth2(board).when().get("/stays").then().statusCode(403);
        given().auth().oauth2(board).contentType(ContentType.JSON).body(Map.of("ward", "5B"))
                .when().post("/stays").then().statusCode(403);
        given().auth().oauth2(board).when().get("/municipalities/" + RANA + "/work-list").then().statusCode(403);
    }

    @Test
    void aWardOfAnotherHospitalCannotTellTheStayExists() {
        String otherWard = TestTokens.ward(NORDLANDSSYKEHUSET);
        String unknown = UUID.randomUUID().toString();
        for (Call call : stayCalls(stay)) {
            if (call.path().endsWith("municipality-response")) {
                call.as(otherWard).statusCode(403);
                continue;
            }
            String existing = call.as(otherWard).statusCode(404).extract().asString();
            Call sameOnUnknown = stayCalls(unknown).get(stayCalls(stay).indexOf(call));
            String missing = sameOnUnknown.as(otherWard).statusCode(404).extract().asString();
            org.assertj.core.api.Assertions.assertThat(existing.replace(stay, unknown)).as(call.path()).isEqualTo(missing);
        }
    }

    @Test
    void anIntakeTeamOfAnotherMunicipalityCannotTellTheStayExists() {
        String otherIntake = TestTokens.municipalIntake("1804");
        given().auth().oauth2(otherIntake).when().get("/stays/" + stay).then().statusCode(404);
        given().auth().oauth2(otherIntake).contentType(ContentType.JSON).body(Map.of("canReceive", true))
                .when().post("/stays/" + stay + "/municipality-response").then().statusCode(404);
        given().auth().oauth2(otherIntake).when().get("/municipalities/" + RANA + "/work-list").then().statusCode(403);
    }

    @Test
    void theIntakeTeamMayReadAndAnswerButNotActForTheWard() {
        String intake = TestTokens.municipalIntake(RANA);
        given().auth().oauth2(intake).when().get("/stays/" + stay).then().statusCode(200).body("id", equalTo(stay));
        for (String wardCommand : List.of("admission-notice", "discharge-readiness", "discharge-ready-notice", "withdrawal", "discharge")) {
            given().auth().oauth2(intake).contentType(ContentType.JSON).body(Map.of())
                    .when().post("/stays/" + stay + "/" + wardCommand).then().statusCode(403);
        }
        given().auth().oauth2(intake).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/stays/" + stay + "/events/" + event + "/cancellation").then().statusCode(403);
        given().auth().oauth2(intake).when().get("/stays").then().statusCode(403);
    }

    @Test
    void theWardCannotAnswerForTheMunicipality() {
        post(TestTokens.ward(UNN), stay, "discharge-ready-notice", Map.of()).statusCode(200);
        post(TestTokens.ward(UNN), stay, "municipality-response", Map.of("canReceive", true)).statusCode(403);
    }

    @Test
    void aWardCannotRegisterPatientsAtAnotherHospital() {
        given().auth().oauth2(TestTokens.ward(UNN)).contentType(ContentType.JSON)
                .body(Map.of("patientIdentifier", no.samhandling.discharge.testsupport.TestPatients.fodselsnummer(),
                        "hospital", NORDLANDSSYKEHUSET, "ward", "5B", "serviceArea", "somatic", "residenceMunicipality", RANA))
                .when().post("/stays").then().statusCode(403);
    }

    @Test
    void withoutATokenNothingIsAnswered() {
        for (Call call : stayCalls(stay)) {
            RequestSpecification request = given().contentType(ContentType.JSON);
            if (call.body() != null) {
                request.body(call.body());
            }
            request.when().request(call.method(), call.path()).then().statusCode(401);
        }
    }
}
