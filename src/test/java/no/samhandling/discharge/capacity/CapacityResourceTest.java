package no.samhandling.discharge.capacity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Publishing and reading receiving capacity over REST, on the real database. Vefsn (1824) is this test's municipality. */
@QuarkusTest
class CapacityResourceTest {

    static final String VEFSN = "1824";
    static final String GRANE = "1825";

    static ValidatableResponse publish(String token, String municipality, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/municipalities/" + municipality + "/capacity").then();
    }

    static Map<String, Object> places(String careLevel, Integer total, Integer occupied, Integer available) {
        Map<String, Object> level = new java.util.HashMap<>();
        level.put("careLevel", careLevel);
        level.put("totalPlaces", total);
        level.put("occupiedPlaces", occupied);
        level.put("availablePlaces", available);
        return level;
    }

    @Test
    void publishedFiguresAreShownForEveryDayWithWhoPublishedThemAndWhen() {
        publish(TestTokens.municipalIntake(VEFSN), VEFSN, Map.of("from", "2031-05-05", "through", "2031-05-06",
                "careLevels", List.of(places("short-term-bed", 12, 10, 2), places("home-care", null, null, 3))))
                .statusCode(201)
                .header("Location", endsWith("/municipalities/1824/capacity?from=2031-05-05&through=2031-05-06"))
                .body("municipality", equalTo(VEFSN))
                .body("municipalityName", equalTo("Vefsn"))
                .body("staleAfterDays", equalTo(7))
                .body("figures", hasSize(4))
                .body("figures[0].date", equalTo("2031-05-05"))
                .body("figures[0].careLevel", equalTo("home-care"))
                .body("figures[0].availablePlaces", equalTo(3))
                .body("figures[0].totalPlaces", nullValue())
                .body("figures[1].careLevel", equalTo("short-term-bed"))
                .body("figures[1].totalPlaces", equalTo(12))
                .body("figures[1].occupiedPlaces", equalTo(10))
                .body("figures[1].availablePlaces", equalTo(2))
                .body("figures[1].publishedBy", equalTo("test-municipal-intake"))
                .body("figures[1].publishedVia", equalTo("rest"))
                .body("figures[1].publishedAt", notNullValue())
                .body("figures[1].stale", equalTo(false))
                .body("figures[3].date", equalTo("2031-05-06"));

        given().auth().oauth2(TestTokens.board()).when().get("/municipalities/" + VEFSN + "/capacity?from=2031-05-06&through=2031-05-07")
                .then().statusCode(200)
                .body("figures", hasSize(2))
                .body("figures.date", equalTo(List.of("2031-05-06", "2031-05-06")));
    }

    @Test
    void aLaterPublicationReplacesTheFigureAndTheHistoryKeepsBoth() {
        publish(TestTokens.municipalIntake(VEFSN), VEFSN, Map.of("from", "2031-06-01", "careLevels", List.of(places("rehabilitation-bed", null, null, 2))))
                .statusCode(201).body("figures", hasSize(1));
        publish(TestTokens.admin(), VEFSN, Map.of("from", "2031-06-01", "careLevels", List.of(places("rehabilitation-bed", 6, 6, 0))))
                .statusCode(201)
                .body("figures", hasSize(1))
                .body("figures[0].availablePlaces", equalTo(0))
                .body("figures[0].publishedBy", equalTo("test-admin"));

        given().auth().oauth2(TestTokens.municipalIntake(VEFSN))
                .when().get("/municipalities/" + VEFSN + "/capacity/history?careLevel=rehabilitation-bed&date=2031-06-01")
                .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.availablePlaces", equalTo(List.of(0, 2)))
                .body("items.publishedBy", equalTo(List.of("test-admin", "test-municipal-intake")));
    }

    @Test
    void figuresThatDoNotAddUpAreRefusedFieldByField() {
        publish(TestTokens.municipalIntake(VEFSN), VEFSN, Map.of("from", "2031-07-01", "careLevels",
                List.of(places("short-term-bed", 12, 10, 3), places("short-term-bed", null, null, 1))))
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", equalTo(List.of("careLevels[0]", "careLevels[1].careLevel")))
                .body("errors[0].message", containsString("12 − 10 = 2"));
        publish(TestTokens.municipalIntake(VEFSN), VEFSN, Map.of("from", "2031-07-05", "through", "2031-07-04",
                "careLevels", List.of(places("other", null, null, 1))))
                .statusCode(400).body("errors[0].field", equalTo("through"));
        publish(TestTokens.municipalIntake(VEFSN), VEFSN, Map.of("from", "2031-07-01", "through", "2031-08-01",
                "careLevels", List.of(places("other", null, null, 1))))
                .statusCode(400).body("errors[0].message", containsString("at most 31 days"));
        publish(TestTokens.municipalIntake(VEFSN), VEFSN, Map.of("from", "2031-07-01", "careLevels", List.of(places("hotel", null, null, 1))))
                .statusCode(400).contentType("application/problem+json");
        publish(TestTokens.municipalIntake(VEFSN), VEFSN, Map.of("from", "2031-07-01", "careLevels", List.of(places("other", null, null, -1))))
                .statusCode(400).body("type", equalTo("/problems/validation-failed"));
        given().auth().oauth2(TestTokens.admin()).when().get("/municipalities/" + VEFSN + "/capacity?from=2031-07-01&through=2031-08-01")
                .then().statusCode(200).body("figures", hasSize(0));
    }

    @Test
    void anUnknownMunicipalityIsNotFound() {
        publish(TestTokens.admin(), "0301", Map.of("from", "2031-07-01", "careLevels", List.of(places("other", null, null, 1))))
                .statusCode(404).body("type", equalTo("/problems/not-found"));
        given().auth().oauth2(TestTokens.board()).when().get("/municipalities/0301/capacity").then().statusCode(404);
    }

    @Test
    void anIntakeTeamPublishesAndReadsItsOwnMunicipalityOnly() {
        Map<String, ?> body = Map.of("from", "2031-09-01", "careLevels", List.of(places("short-term-bed", null, null, 1)));
        String grane = TestTokens.municipalIntake(GRANE);
        publish(grane, VEFSN, body).statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"))
                .body("detail", containsString("own municipality only (your login is for 1825)"));
        given().auth().oauth2(grane).when().get("/municipalities/" + VEFSN + "/capacity").then().statusCode(403);
        given().auth().oauth2(grane).when().get("/municipalities/" + VEFSN + "/capacity/history").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).when().get("/municipalities/" + VEFSN + "/capacity?from=2031-09-01&through=2031-09-01")
                .then().statusCode(200).body("figures", hasSize(0));
        publish(grane, GRANE, body).statusCode(201);
        publish(TestTokens.integration(), VEFSN, body).statusCode(201).body("figures[0].publishedBy", equalTo("test-integration"));
    }

    @Test
    void boardsReadCapacityButDoNotPublishAndWardsDoNeither() {
        Map<String, ?> body = Map.of("from", "2031-09-02", "careLevels", List.of(places("short-term-bed", null, null, 1)));
        publish(TestTokens.board(), VEFSN, body).statusCode(403).body("type", equalTo("/problems/forbidden"));
        given().auth().oauth2(TestTokens.board()).when().get("/municipalities/" + VEFSN + "/capacity").then().statusCode(200);
        given().auth().oauth2(TestTokens.board()).when().get("/municipalities/" + VEFSN + "/capacity/history").then().statusCode(200);
        String ward = TestTokens.ward("983974929");
        publish(ward, VEFSN, body).statusCode(403);
        given().auth().oauth2(ward).when().get("/municipalities/" + VEFSN + "/capacity").then().statusCode(403);
        given().auth().oauth2(ward).when().get("/municipalities/" + VEFSN + "/capacity/history").then().statusCode(403);
        given().when().get("/municipalities/" + VEFSN + "/capacity").then().statusCode(401);
        given().auth().oauth2(TestTokens.admin()).when().get("/municipalities/" + VEFSN + "/capacity?from=2031-09-02&through=2031-09-02")
                .then().statusCode(200).body("figures", hasSize(0));
    }
}
