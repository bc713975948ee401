package no.samhandling.discharge.statistics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Recording, reading, correcting and deleting measures; who may; what is refused. Rana 1833, Helgeland. */
@QuarkusTest
class InterventionResourceTest {

    static final String RANA = "1833";
    static final String HELGELAND = "helsefellesskap-helgeland";

    @Test
    void anAdministratorRecordsCorrectsAndDeletesAMeasureThatBoardsRead() {
        ValidatableResponse created = post(TestTokens.admin(), measure(RANA, null, "Mottaksteam startet", "2022-01-01"), null).statusCode(201)
                .header("Location", containsString("/interventions/"))
                .body("municipality", equalTo(RANA)).body("municipalityName", equalTo("Rana"))
                .body("title", equalTo("Mottaksteam startet")).body("startsOn", equalTo("2022-01-01")).body("createdBy", equalTo("test-admin"));
        String id = created.extract().path("id");
        String partnershipMeasure = post(TestTokens.admin(), measure(null, HELGELAND, "Felles utskrivningsrutine", "2021-06-01"), null)
                .statusCode(201).body("healthPartnershipName", equalTo("Helsefellesskap Helgeland")).extract().path("id");

        given().auth().oauth2(TestTokens.board()).when().get("/interventions/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("description", equalTo("Teamet vurderer pasientene mens de er innlagt."));
        given().auth().oauth2(TestTokens.board()).queryParam("municipality", RANA).when().get("/interventions").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.id", hasItem(partnershipMeasure));
        given().auth().oauth2(TestTokens.board()).queryParam("healthPartnership", HELGELAND).when().get("/interventions").then()
                .statusCode(200).body("items.id", hasItem(id)).body("items.id", hasItem(partnershipMeasure));
        given().auth().oauth2(TestTokens.board()).queryParam("municipality", "1804").when().get("/interventions").then().statusCode(200)
                .body("items.id", not(hasItem(id))).body("items.id", not(hasItem(partnershipMeasure)));

        put(id, "\"7\"", measure(RANA, null, "Mottaksteam startet", "2022-01-03")).statusCode(409)
                .body("type", equalTo("/problems/concurrent-update"));
        put(id, "\"0\"", measure(RANA, null, "Mottaksteam startet", "2022-01-03")).statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("startsOn", equalTo("2022-01-03")).body("version", equalTo(1));

        delete(id, "\"0\"").statusCode(409);
        delete(id, "\"1\"").statusCode(204);
        delete(id, null).statusCode(204);
        given().auth().oauth2(TestTokens.board()).when().get("/interventions/" + id).then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        given().auth().oauth2(TestTokens.board()).queryParam("municipality", RANA).when().get("/interventions").then()
                .body("items.id", not(hasItem(id)));
        put(id, null, measure(RANA, null, "Mottaksteam startet", "2022-01-03")).statusCode(404);

        given().auth().oauth2(TestTokens.admin()).when().get("/audit-log").then().statusCode(200)
                .body("items.action", hasItem("create-intervention")).body("items.action", hasItem("change-intervention"))
                .body("items.action", hasItem("delete-intervention"));
    }

    @Test
    void theSameRequestTwiceRecordsOneMeasure() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = measure(RANA, null, "Utskrivningsteam", "2023-02-01");
        String first = post(TestTokens.admin(), body, key).statusCode(201).extract().path("id");
        post(TestTokens.admin(), body, key).statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        post(TestTokens.admin(), measure(RANA, null, "Noe annet", "2023-02-01"), key).statusCode(409)
                .body("type", equalTo("/problems/idempotency-key-reused"));
        post(TestTokens.admin(), body, null).statusCode(409).body("type", equalTo("/problems/conflict"))
                .body("detail", containsString("already recorded"));
        long recorded = given().auth().oauth2(TestTokens.admin()).queryParam("municipality", RANA).when().get("/interventions")
                .then().extract().jsonPath().getList("items.title", String.class).stream().filter("Utskrivningsteam"::equals).count();
        assertThat(recorded).isEqualTo(1);
    }

    @Test
    void aMeasureNamesExactlyOneKnownMunicipalityOrPartnershipAndAPlausibleStart() {
        invalid(measure(RANA, HELGELAND, "Begge", "2022-01-01"), "healthPartnership");
        invalid(measure(null, null, "Ingen", "2022-01-01"), "municipality");
        invalid(measure("9999", null, "Ukjent kommune", "2022-01-01"), "municipality");
        invalid(measure("18", null, "For kort nummer", "2022-01-01"), "municipality");
        invalid(measure(null, "helsefellesskap-oslo", "Ukjent", "2022-01-01"), "healthPartnership");
        invalid(measure(RANA, null, "For tidlig", "2011-12-31"), "startsOn");
        invalid(measure(RANA, null, "For langt fram", LocalDate.now(ZoneId.of("Europe/Oslo")).plusYears(2).toString()), "startsOn");
        invalid(measure(RANA, null, " ", "2022-01-01"), "title");
        Map<String, Object> noStart = measure(RANA, null, "Uten dato", "2022-01-01");
        noStart.remove("startsOn");
        invalid(noStart, "startsOn");
        given().auth().oauth2(TestTokens.board()).queryParam("municipality", "0000").when().get("/interventions").then().statusCode(400)
                .body("errors[0].field", equalTo("municipality"));
    }

    @Test
    void onlyAdministratorsRecordAndOnlyBoardsAdministratorsAndIntegrationsRead() {
        post(TestTokens.board(), measure(RANA, null, "Styret prøver", "2022-01-01"), null).statusCode(403);
        post(TestTokens.municipalIntake(RANA), measure(RANA, null, "Kommunen prøver", "2022-01-01"), null).statusCode(403);
        given().auth().oauth2(TestTokens.ward(StatisticsResourceTest.HELGELANDSSYKEHUSET)).when().get("/interventions").then().statusCode(403);
        given().auth().oauth2(TestTokens.municipalIntake(RANA)).when().get("/interventions").then().statusCode(403);
        given().auth().oauth2(TestTokens.integration()).when().get("/interventions").then().statusCode(200);
        String id = post(TestTokens.admin(), measure(RANA, null, "Rettigheter", "2022-05-01"), null).statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.board()).when().delete("/interventions/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.board()).contentType(ContentType.JSON).body(measure(RANA, null, "x", "2022-05-01"))
                .when().put("/interventions/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.ward(StatisticsResourceTest.HELGELANDSSYKEHUSET)).when().get("/interventions/" + id + "/effect")
                .then().statusCode(403);
    }

    @Test
    void anUnknownMeasureIsNotFound() {
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(TestTokens.board()).when().get("/interventions/" + unknown).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(TestTokens.board()).when().get("/interventions/" + unknown + "/effect").then().statusCode(404);
        delete(unknown.toString(), null).statusCode(404);
        given().auth().oauth2(TestTokens.board()).when().get("/interventions/not-an-id").then().statusCode(404);
    }

    @Test
    void anAfterPeriodNotOverYetEndsTodayAndAFutureMeasureHasNoEffectYet() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        String recent = post(TestTokens.admin(), measure(RANA, null, "Nytt tiltak", today.minusDays(9).toString()), null).statusCode(201)
                .extract().path("id");
        given().auth().oauth2(TestTokens.board()).when().get("/interventions/" + recent + "/effect").then().statusCode(200)
                .body("months", equalTo(12)).body("after.partial", equalTo(true)).body("after.to", equalTo(today.toString()))
                .body("after.days", equalTo(10)).body("before.days", equalTo(10))
                .body("before.to", equalTo(today.minusDays(10).toString())).body("summary", containsString("slutter i dag"));
        given().auth().oauth2(TestTokens.board()).queryParam("months", 0).when().get("/interventions/" + recent + "/effect").then()
                .statusCode(400).body("errors[0].field", equalTo("months"));
        given().auth().oauth2(TestTokens.board()).queryParam("months", "ett").when().get("/interventions/" + recent + "/effect").then()
                .statusCode(400).body("errors[0].field", equalTo("months"));
        given().auth().oauth2(TestTokens.board()).queryParam("basis", "bill").when().get("/interventions/" + recent + "/effect").then()
                .statusCode(400).body("errors[0].field", equalTo("basis"));
        String future = post(TestTokens.admin(), measure(RANA, null, "Planlagt", today.plusMonths(2).toString()), null).statusCode(201)
                .extract().path("id");
        given().auth().oauth2(TestTokens.board()).when().get("/interventions/" + future + "/effect").then().statusCode(409)
                .body("detail", containsString("after today"));
    }

    private static void invalid(Map<String, Object> body, String field) {
        post(TestTokens.admin(), body, null).statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem(field));
    }

    private static Map<String, Object> measure(String municipality, String partnership, String title, String startsOn) {
        Map<String, Object> body = new HashMap<>();
        if (municipality != null) {
            body.put("municipality", municipality);
        }
        if (partnership != null) {
            body.put("healthPartnership", partnership);
        }
        body.put("title", title);
        body.put("description", "Teamet vurderer pasientene mens de er innlagt.");
        body.put("startsOn", startsOn);
        return body;
    }

    private static ValidatableResponse post(String token, Map<String, Object> body, String idempotencyKey) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/interventions").then();
    }

    private static ValidatableResponse put(String id, String ifMatch, Map<String, Object> body) {
        var request = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put("/interventions/" + id).then();
    }

    private static ValidatableResponse delete(String id, String ifMatch) {
        var request = given().auth().oauth2(TestTokens.admin());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().delete("/interventions/" + id).then();
    }
}
