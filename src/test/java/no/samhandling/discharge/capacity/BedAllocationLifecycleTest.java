package no.samhandling.discharge.capacity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import no.samhandling.discharge.testsupport.TestTokens;
import no.samhandling.discharge.time.OsloTime;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.samhandling.discharge.capacity.BedAllocationTest.allocation;
import static no.samhandling.discharge.capacity.BedAllocationTest.dischargeReadyPatient;
import static no.samhandling.discharge.capacity.BedPools.HELGELANDSSYKEHUSET;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * What happens to a bed allocation after it is made, over REST on the real database: the patient's discharge or
 * withdrawal ends it, a move to another bed ends one and starts the other in one transaction, quotas refuse what
 * would exceed them, and utilisation counts the bed-days. Træna (1835), Rødøy (1836), Meløy (1837) and
 * Leirfjord (1822) pay for this test's patients and take part in its pools only.
 */
@QuarkusTest
class BedAllocationLifecycleTest {

    private static final String TRAENA = "1835";
    private static final String RODOY = "1836";
    private static final String MELOY = "1837";
    private static final String LEIRFJORD = "1822";

    private static LocalDate today() {
        return LocalDate.now(OsloTime.ZONE);
    }

    static String allocated(String municipality, UUID pool, UUID bed, String stay, LocalDate from, LocalDate through) {
        return given().auth().oauth2(TestTokens.municipalIntake(municipality)).contentType(ContentType.JSON).body(allocation(stay, from, through))
                .when().post("/bed-pools/" + pool + "/beds/" + bed + "/allocations").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse move(String token, UUID pool, String allocation, UUID bed, LocalDate from) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("bedId", bed.toString(), "from", from.toString()))
                .when().post("/bed-pools/" + pool + "/allocations/" + allocation + "/move").then();
    }

    /** The bed's status on a day, as the pool shows it. */
    private static String statusOn(UUID pool, String label, LocalDate day) {
        return given().auth().oauth2(TestTokens.board()).when().get("/bed-pools/" + pool + "?date=" + day).then().statusCode(200)
                .extract().path("beds.find { it.label == '" + label + "' }.statusOnDay");
    }

    private static ValidatableResponse auditOf(String stay) {
        return given().auth().oauth2(TestTokens.admin()).queryParam("stayId", stay).queryParam("size", 100).when().get("/audit-log")
                .then().statusCode(200);
    }

    @Test
    void aDischargeEndsTheAllocationOnItsDayAndAWithdrawalCancelsAReservationNotBegun() {
        UUID pool = BedPools.pool(TRAENA);
        UUID first = BedPools.bed(pool, "Rom 1");
        UUID second = BedPools.bed(pool, "Rom 2");
        String ward = TestTokens.ward(HELGELANDSSYKEHUSET);
        String discharged = dischargeReadyPatient(TRAENA);
        allocated(TRAENA, pool, first, discharged, today(), null);
        String withdrawn = dischargeReadyPatient(TRAENA);
        allocated(TRAENA, pool, second, withdrawn, today().plusDays(3), today().plusDays(9));
        assertStatus(pool, "Rom 1", today().plusDays(30), "occupied");

        given().auth().oauth2(ward).contentType(ContentType.JSON).body(Map.of("destination", "bed-pool"))
                .when().post("/stays/" + discharged + "/discharge").then().statusCode(200).body("status", equalTo("discharged"));
        assertStatus(pool, "Rom 1", today(), "occupied");
        assertStatus(pool, "Rom 1", today().plusDays(1), "free");
        auditOf(discharged).body("items.find { it.action == 'end-bed-allocation' }.principal", equalTo("test-ward"));

        given().auth().oauth2(ward).contentType(ContentType.JSON).body(Map.of("reason", "Ny infeksjon"))
                .when().post("/stays/" + withdrawn + "/withdrawal").then().statusCode(200).body("status", equalTo("admitted"));
        assertStatus(pool, "Rom 2", today().plusDays(3), "free");
        // The cancelled reservation holds the bed no longer: another patient may have those days.
        allocated(TRAENA, pool, second, dischargeReadyPatient(TRAENA), today().plusDays(3), today().plusDays(9));
        auditOf(withdrawn).body("items.action", hasItem("end-bed-allocation"));
    }

    @Test
    void cancellingTheDeclarationEndsTheAllocationToo() {
        UUID pool = BedPools.pool(TRAENA);
        UUID bed = BedPools.bed(pool, "Rom 1");
        String stay = dischargeReadyPatient(TRAENA);
        allocated(TRAENA, pool, bed, stay, today(), today().plusDays(5));
        String ward = TestTokens.ward(HELGELANDSSYKEHUSET);
        List<Map<String, Object>> events = given().auth().oauth2(ward).when().get("/stays/" + stay).then().statusCode(200)
                .extract().path("events");
        // The notice and the answer go first: the declaration cannot be cancelled while they stand on it.
        for (String type : List.of("municipality-answered", "discharge-ready-notice-sent", "declared-discharge-ready")) {
            String eventId = events.stream().filter(e -> type.equals(e.get("type"))).map(e -> (String) e.get("id")).findFirst().orElseThrow();
            String token = type.equals("municipality-answered") ? TestTokens.municipalIntake(TRAENA) : ward;
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "Registrert ved en feil"))
                    .when().post("/stays/" + stay + "/events/" + eventId + "/cancellation").then().statusCode(200);
        }
        assertStatus(pool, "Rom 1", today().plusDays(1), "free");
        assertStatus(pool, "Rom 1", today(), "occupied");
    }

    @Test
    void movingAPatientEndsTheOldBedTheDayBeforeAndTakesTheOtherInOneTransaction() {
        UUID pool = BedPools.pool(RODOY);
        UUID first = BedPools.bed(pool, "Rom 1");
        UUID second = BedPools.bed(pool, "Rom 2");
        UUID closed = UUID.fromString(BedPools.addBed(TestTokens.admin(), pool, "Rom 3", "closed").statusCode(201).extract().path("id"));
        String intake = TestTokens.municipalIntake(RODOY);
        String stay = dischargeReadyPatient(RODOY);
        String allocation = allocated(RODOY, pool, first, stay, today(), today().plusDays(9));
        String inTheWay = allocated(RODOY, pool, second, dischargeReadyPatient(RODOY), today().plusDays(5), today().plusDays(6));

        move(intake, pool, allocation, second, today().plusDays(2)).statusCode(409).body("type", equalTo("/problems/conflict"))
                .body("detail", containsString("Bed Rom 2 is already given to another patient"))
                .body("detail", containsString("(allocation " + inTheWay + ")"));
        assertStatus(pool, "Rom 1", today().plusDays(3), "occupied");
        move(intake, pool, allocation, closed, today().plusDays(2)).statusCode(409).body("detail", containsString("Bed Rom 3 is closed"));
        move(intake, pool, allocation, second, today().minusDays(1)).statusCode(400).body("errors[0].field", equalTo("from"));
        move(intake, pool, allocation, second, today().plusDays(10)).statusCode(400).body("errors[0].message", containsString("last day"));
        move(intake, pool, allocation, first, today().plusDays(2)).statusCode(400).body("errors[0].field", equalTo("bedId"));

        String moved = move(intake, pool, allocation, second, today().plusDays(7)).statusCode(201)
                .body("bedLabel", equalTo("Rom 2")).body("stayId", equalTo(stay))
                .body("from", equalTo(today().plusDays(7).toString())).body("through", equalTo(today().plusDays(9).toString()))
                .extract().path("id");
        assertStatus(pool, "Rom 1", today().plusDays(6), "occupied");
        assertStatus(pool, "Rom 1", today().plusDays(7), "free");
        assertStatus(pool, "Rom 2", today().plusDays(9), "occupied");
        move(intake, pool, allocation, closed, today().plusDays(8)).statusCode(409)
                .body("detail", containsString("has ended (moved)")).body("detail", containsString("allocation " + moved));
        auditOf(stay).body("items.find { it.action == 'move-bed-allocation' }.tenant", equalTo(RODOY));

        // A move on the first day of a reservation cancels it: the old bed is free on every one of its days.
        String reservation = allocated(RODOY, pool, first, dischargeReadyPatient(RODOY), today().plusDays(20), null);
        move(intake, pool, reservation, second, today().plusDays(20)).statusCode(201).body("through", nullValue());
        assertStatus(pool, "Rom 1", today().plusDays(20), "free");
        assertStatus(pool, "Rom 2", today().plusDays(40), "occupied");
    }

    @Test
    void onlyTheIntakeTeamOfThePatientsMunicipalityIntegrationsAndAdministratorsMove() {
        UUID pool = BedPools.pool(RODOY);
        UUID first = BedPools.bed(pool, "Rom 1");
        UUID second = BedPools.bed(pool, "Rom 2");
        String allocation = allocated(RODOY, pool, first, dischargeReadyPatient(RODOY), today(), today().plusDays(4));
        for (String token : List.of(TestTokens.ward(HELGELANDSSYKEHUSET), TestTokens.board(), TestTokens.poolAdmin(pool))) {
            move(token, pool, allocation, second, today().plusDays(1)).statusCode(403);
        }
        move(TestTokens.municipalIntake(TRAENA), pool, allocation, second, today().plusDays(1)).statusCode(404);
        move(TestTokens.admin(), pool, UUID.randomUUID().toString(), second, today().plusDays(1)).statusCode(404);
        move(TestTokens.admin(), BedPools.pool(RODOY), allocation, second, today().plusDays(1)).statusCode(404);
        move(TestTokens.admin(), pool, allocation, UUID.randomUUID(), today().plusDays(1)).statusCode(404);
        assertStatus(pool, "Rom 1", today().plusDays(2), "occupied");
        move(TestTokens.integration(), pool, allocation, second, today().plusDays(1)).statusCode(201).body("allocatedBy", equalTo("test-integration"));
    }

    @Test
    void anAllocationThatWouldExceedTheMunicipalitysQuotaIsRefusedSayingQuotaUsedAndRequested() {
        String name = "Kvotepool " + UUID.randomUUID();
        UUID pool = UUID.fromString(BedPools.create(TestTokens.admin(), Map.of("name", name, "hospitals", List.of(HELGELANDSSYKEHUSET),
                        "participants", List.of(MELOY),
                        "quotas", List.of(Map.of("municipality", MELOY, "from", today().toString(), "through", today().plusDays(9).toString(), "bedDays", 5))))
                .statusCode(201).extract().<String>path("id"));
        UUID first = BedPools.bed(pool, "Rom 1");
        UUID second = BedPools.bed(pool, "Rom 2");
        allocated(MELOY, pool, first, dischargeReadyPatient(MELOY), today(), today().plusDays(2));
        String over = dischargeReadyPatient(MELOY);
        given().auth().oauth2(TestTokens.municipalIntake(MELOY)).contentType(ContentType.JSON).body(allocation(over, today().plusDays(3), today().plusDays(5)))
                .when().post("/bed-pools/" + pool + "/beds/" + second + "/allocations").then().statusCode(409)
                .body("type", equalTo("/problems/conflict"))
                .body("detail", containsString("Over the quota: " + MELOY + " may use 5 bed-days of the pool " + name + " from " + today()
                        + " through " + today().plusDays(9) + "; 3 are booked and these days would use 3 more"));
        given().auth().oauth2(TestTokens.municipalIntake(MELOY)).when().get("/stays/" + over).then().body("status", equalTo("awaiting-municipality"));
        // Until discharge counts to the quota's end: from the 9th day on, 2 days, exactly what is left.
        allocated(MELOY, pool, second, over, today().plusDays(8), null);
        given().auth().oauth2(TestTokens.board()).when().get("/bed-pools/" + pool + "/utilisation?from=" + today() + "&through=" + today().plusDays(9))
                .then().statusCode(200)
                .body("participants[0].quotas[0].bookedBedDays", equalTo(5)).body("participants[0].quotas[0].remainingBedDays", equalTo(0));
    }

    @Test
    void utilisationCountsBedDaysPerPoolAndPerMunicipalityWithoutPersonalData() {
        BedPools.TwoFreeOneClosed beds = BedPools.twoFreeBedsAndAClosedOne(LEIRFJORD);
        UUID pool = beds.pool();
        UUID first = beds.first();
        String stay = dischargeReadyPatient(LEIRFJORD);
        allocated(LEIRFJORD, pool, first, stay, today().plusDays(1), today().plusDays(2));
        String range = "?from=" + today() + "&through=" + today().plusDays(3);

        String body = given().auth().oauth2(TestTokens.poolAdmin(pool)).when().get("/bed-pools/" + pool + "/utilisation" + range)
                .then().statusCode(200)
                .body("careLevel", equalTo("short-term-bed"))
                .body("totals.bedDays", equalTo(12)).body("totals.occupiedBedDays", equalTo(2)).body("totals.freeBedDays", equalTo(6))
                .body("totals.occupancyPercent", equalTo(16.7f))
                .body("days[0].occupied", equalTo(0)).body("days[1].occupied", equalTo(1)).body("days[1].free", equalTo(1))
                .body("days[1].occupancyPercent", equalTo(33.3f))
                .body("participants[0].municipality", equalTo(LEIRFJORD)).body("participants[0].bedDaysUsed", equalTo(2))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(body).as("no stay, no patient").doesNotContain(stay);

        given().auth().oauth2(TestTokens.municipalIntake(LEIRFJORD)).when().get("/municipalities/" + LEIRFJORD + "/capacity/bed-pools" + range)
                .then().statusCode(200)
                .body("name", equalTo("Leirfjord"))
                .body("totals.bedDays", equalTo(12)).body("totals.occupiedBedDays", equalTo(2))
                .body("bedDaysUsed", equalTo(2)).body("pools[0].poolId", equalTo(pool.toString())).body("pools[0].bedDaysUsed", equalTo(2))
                .body(not(containsString(stay)));
        given().auth().oauth2(TestTokens.board()).when().get("/municipalities/" + LEIRFJORD + "/capacity/bed-pools" + range).then().statusCode(200);
        given().auth().oauth2(TestTokens.board()).when().get("/bed-pools/" + pool + "/utilisation?from=" + today() + "&through=" + today().minusDays(1))
                .then().statusCode(400).body("errors[0].field", equalTo("through"));
    }

    @Test
    void utilisationIsForBoardsThePoolsAdministratorAndTheParticipantsIntakeTeams() {
        UUID pool = BedPools.pool(LEIRFJORD);
        String path = "/bed-pools/" + pool + "/utilisation";
        given().auth().oauth2(TestTokens.municipalIntake(LEIRFJORD)).when().get(path).then().statusCode(200);
        given().auth().oauth2(TestTokens.integration()).when().get(path).then().statusCode(200);
        given().auth().oauth2(TestTokens.municipalIntake(TRAENA)).when().get(path).then().statusCode(403)
                .body("type", equalTo("/problems/forbidden"));
        given().auth().oauth2(TestTokens.poolAdmin(UUID.randomUUID())).when().get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.ward(HELGELANDSSYKEHUSET)).when().get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).when().get("/bed-pools/" + UUID.randomUUID() + "/utilisation").then().statusCode(404);
        String municipal = "/municipalities/" + LEIRFJORD + "/capacity/bed-pools";
        given().auth().oauth2(TestTokens.municipalIntake(TRAENA)).when().get(municipal).then().statusCode(403);
        given().auth().oauth2(TestTokens.poolAdmin(pool)).when().get(municipal).then().statusCode(403);
        given().auth().oauth2(TestTokens.ward(HELGELANDSSYKEHUSET)).when().get(municipal).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).when().get("/municipalities/9999/capacity/bed-pools").then().statusCode(404);
    }

    private static void assertStatus(UUID pool, String label, LocalDate day, String expected) {
        org.assertj.core.api.Assertions.assertThat(statusOn(pool, label, day)).as("%s on %s", label, day).isEqualTo(expected);
    }
}
