package no.samhandling.discharge.capacity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.samhandling.discharge.capacity.BedPools.HELGELANDSSYKEHUSET;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Bed pools, their beds and the free beds counted from them, on the real database. */
@QuarkusTest
class BedPoolResourceTest {

    @Test
    void aPoolRunTogetherByAHospitalAndAMunicipalityHasItsParticipantsAndQuotas() {
        String name = "Helgeland felles senger " + UUID.randomUUID();
        String id = BedPools.create(TestTokens.admin(), Map.of("name", name, "hospitals", List.of(HELGELANDSSYKEHUSET),
                        "municipalities", List.of("1833"), "participants", List.of("1833", "1832", "1834"),
                        "quotas", List.of(Map.of("municipality", "1832", "from", "2025-01-01", "through", "2025-06-30", "bedDays", 60),
                                Map.of("municipality", "1832", "from", "2025-07-01", "through", "2025-12-31", "bedDays", 40))))
                .statusCode(201)
                .body("name", equalTo(name))
                .body("runBy.hospitals", equalTo(List.of(HELGELANDSSYKEHUSET)))
                .body("runBy.municipalities", equalTo(List.of("1833")))
                .body("participants", equalTo(List.of("1833", "1832", "1834")))
                .body("quotas", hasSize(2))
                .body("quotas[1].bedDays", equalTo(40))
                .body("capacity.beds", equalTo(0))
                .extract().path("id");
        given().auth().oauth2(TestTokens.board()).when().get("/bed-pools?size=500").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void freeBedsAreCountedFromTheBedsAndTheirStatus() {
        UUID pool = BedPools.pool("1811");
        String poolAdmin = TestTokens.poolAdmin(pool);
        BedPools.addBed(poolAdmin, pool, "Rom 1", null).statusCode(201)
                .body("status", equalTo("free")).body("statusOnDay", equalTo("free")).body("hl7StatusCode", equalTo("U"))
                .body("updatedBy", equalTo("test-pool-admin"));
        UUID second = UUID.fromString(BedPools.addBed(poolAdmin, pool, "Rom 2", null).statusCode(201).extract().path("id"));
        BedPools.addBed(poolAdmin, pool, "Rom 3", "closed").statusCode(201).body("hl7StatusCode", equalTo("C"));
        BedPools.addBed(poolAdmin, pool, "Rom 4", "reserved").statusCode(201);

        given().auth().oauth2(TestTokens.municipalIntake("1811")).when().get("/bed-pools/" + pool).then().statusCode(200)
                .body("capacity.beds", equalTo(4))
                .body("capacity.free", equalTo(2))
                .body("capacity.byStatus.closed", equalTo(1))
                .body("capacity.byStatus.reserved", equalTo(1))
                .body("beds.label", equalTo(List.of("Rom 1", "Rom 2", "Rom 3", "Rom 4")));

        BedPools.setStatus(poolAdmin, pool, second, "being-cleaned").statusCode(200)
                .body("status", equalTo("being-cleaned")).body("hl7StatusCode", equalTo("H")).body("version", equalTo(1));
        given().auth().oauth2(TestTokens.board()).when().get("/bed-pools/" + pool).then().statusCode(200)
                .body("capacity.free", equalTo(1))
                .body("capacity.byStatus.being-cleaned", equalTo(1));
    }

    @Test
    void aStatusChangeBasedOnAnOldVersionIsRefused() {
        UUID pool = BedPools.pool("1811");
        UUID bed = BedPools.bed(pool, "Rom 1");
        BedPools.setStatus(TestTokens.admin(), pool, bed, "isolated").statusCode(200);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("status", "free"))
                .when().put("/bed-pools/" + pool + "/beds/" + bed + "/status").then()
                .statusCode(409).body("type", equalTo("/problems/concurrent-update"));
    }

    @Test
    void aPoolNeedsSomeoneToRunItKnownParticipantsAndQuotasThatDoNotOverlap() {
        BedPools.create(TestTokens.admin(), Map.of("name", "Pool " + UUID.randomUUID(), "participants", List.of("1811", "0301"),
                        "quotas", List.of(Map.of("municipality", "1812", "from", "2025-01-01", "through", "2025-06-30", "bedDays", 60),
                                Map.of("municipality", "1811", "from", "2025-01-01", "through", "2025-06-30", "bedDays", 60),
                                Map.of("municipality", "1811", "from", "2025-06-01", "through", "2025-05-01", "bedDays", 10))))
                .statusCode(400).body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", equalTo(List.of("hospitals", "participants[1]", "quotas[0].municipality", "quotas[2].through", "quotas[2]")));
    }

    @Test
    void aBedLabelIsUniqueInItsPool() {
        UUID pool = BedPools.pool("1811");
        BedPools.bed(pool, "Rom 1");
        BedPools.addBed(TestTokens.admin(), pool, "Rom 1", null).statusCode(400).body("errors[0].message", containsString("already has a bed"));
    }

    @Test
    void onlyTheAdministratorOfThePoolManagesItsBeds() {
        UUID pool = BedPools.pool("1811");
        UUID bed = BedPools.bed(pool, "Rom 1");
        String otherPoolsAdmin = TestTokens.poolAdmin(BedPools.pool("1811"));
        BedPools.addBed(otherPoolsAdmin, pool, "Rom 2", null).statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("pool named in their login only"));
        BedPools.setStatus(otherPoolsAdmin, pool, bed, "closed").statusCode(403);
        for (String token : List.of(TestTokens.municipalIntake("1811"), TestTokens.board(), TestTokens.ward(HELGELANDSSYKEHUSET))) {
            BedPools.addBed(token, pool, "Rom 2", null).statusCode(403);
            BedPools.setStatus(token, pool, bed, "closed").statusCode(403);
            BedPools.create(token, Map.of("name", "x", "hospitals", List.of(HELGELANDSSYKEHUSET), "participants", List.of("1811"))).statusCode(403);
        }
        BedPools.create(TestTokens.poolAdmin(pool), Map.of("name", "x", "hospitals", List.of(HELGELANDSSYKEHUSET), "participants", List.of("1811")))
                .statusCode(403);
        BedPools.setStatus(TestTokens.integration(), pool, bed, "closed").statusCode(200);
        given().auth().oauth2(TestTokens.admin()).when().get("/bed-pools/" + pool).then().statusCode(200)
                .body("beds", hasSize(1)).body("beds[0].status", equalTo("closed"));
    }

    @Test
    void anUnknownPoolOrBedIsNotFound() {
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(TestTokens.board()).when().get("/bed-pools/" + unknown).then().statusCode(404).body("type", equalTo("/problems/not-found"));
        BedPools.addBed(TestTokens.admin(), unknown, "Rom 1", null).statusCode(404);
        UUID pool = BedPools.pool("1811");
        BedPools.setStatus(TestTokens.admin(), pool, unknown, "closed").statusCode(404);
        UUID otherPoolsBed = BedPools.bed(BedPools.pool("1811"), "Rom 1");
        BedPools.setStatus(TestTokens.admin(), pool, otherPoolsBed, "closed").statusCode(404);
    }
}
