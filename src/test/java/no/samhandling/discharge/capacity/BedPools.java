package no.samhandling.discharge.capacity;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import no.samhandling.discharge.testsupport.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Sets up bed pools and beds through the API, for the tests. */
final class BedPools {

    static final String HELGELANDSSYKEHUSET = "983974929";

    private BedPools() {
    }

    static ValidatableResponse create(String token, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/bed-pools").then();
    }

    /** A pool run by Helgelandssykehuset, used by the given municipalities, with no quotas. */
    static UUID pool(String... participants) {
        String id = create(TestTokens.admin(), Map.of("name", "Pool " + UUID.randomUUID(), "hospitals", List.of(HELGELANDSSYKEHUSET),
                "participants", List.of(participants))).statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    static ValidatableResponse addBed(String token, UUID pool, String label, String status) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("label", label);
        if (status != null) {
            body.put("status", status);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/bed-pools/" + pool + "/beds").then();
    }

    static UUID bed(UUID pool, String label) {
        return UUID.fromString(addBed(TestTokens.admin(), pool, label, null).statusCode(201).extract().path("id"));
    }

    /** A pool and the first of its beds. */
    record TwoFreeOneClosed(UUID pool, UUID first) {
    }

    /** A pool used by the municipality with Rom 1 and Rom 2 free and Rom 3 closed. */
    static TwoFreeOneClosed twoFreeBedsAndAClosedOne(String municipality) {
        UUID pool = pool(municipality);
        UUID first = bed(pool, "Rom 1");
        bed(pool, "Rom 2");
        addBed(TestTokens.admin(), pool, "Rom 3", "closed").statusCode(201);
        return new TwoFreeOneClosed(pool, first);
    }

    static ValidatableResponse setStatus(String token, UUID pool, UUID bed, String status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("status", status))
                .when().put("/bed-pools/" + pool + "/beds/" + bed + "/status").then();
    }
}
