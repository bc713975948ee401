package no.samhandling.discharge.capacity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import no.samhandling.discharge.testsupport.TestTokens;
import no.samhandling.discharge.time.OsloTime;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static no.samhandling.discharge.capacity.BedPools.HELGELANDSSYKEHUSET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Giving pool beds to discharge-ready patients, on the real database: the municipality's answer follows
 * through the stay, and one bed is never given twice for the same day, also when requests race.
 * Sømna (1812) pays for this test's patients.
 */
@QuarkusTest
class BedAllocationTest {

    private static final String SOMNA = "1812";
    private static final String BINDAL = "1811";

    private static LocalDate today() {
        return LocalDate.now(OsloTime.ZONE);
    }

    /** A patient at Helgelandssykehuset, paid for by the municipality, with the §§ 8–10 notices: billable from today. */
    static String dischargeReadyPatient(String municipality) {
        return Patients.dischargeReady(municipality, "Korttidsplass");
    }

    static Map<String, Object> allocation(String stay, LocalDate from, LocalDate through) {
        Map<String, Object> body = new HashMap<>();
        body.put("stayId", stay);
        body.put("from", from.toString());
        if (through != null) {
            body.put("through", through.toString());
        }
        return body;
    }

    private static ValidatableResponse allocate(String token, UUID pool, UUID bed, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/bed-pools/" + pool + "/beds/" + bed + "/allocations").then();
    }

    @Test
    void givingABedIsTheMunicipalitysAnswerThroughTheStayAndTakesTheBedOnItsDays() {
        UUID pool = BedPools.pool(SOMNA);
        UUID bed = BedPools.bed(pool, "Rom 1");
        BedPools.bed(pool, "Rom 2");
        String stay = dischargeReadyPatient(SOMNA);
        LocalDate from = today().plusDays(2);

        allocate(TestTokens.municipalIntake(SOMNA), pool, bed, allocation(stay, from, from.plusDays(4))).statusCode(201)
                .body("bedLabel", equalTo("Rom 1"))
                .body("stayId", equalTo(stay))
                .body("municipality", equalTo(SOMNA))
                .body("from", equalTo(from.toString()))
                .body("through", equalTo(from.plusDays(4).toString()))
                .body("allocatedBy", equalTo("test-municipal-intake"))
                .body("stayStatus", equalTo("municipality-ready"));

        given().auth().oauth2(TestTokens.municipalIntake(SOMNA)).when().get("/stays/" + stay).then().statusCode(200)
                .body("status", equalTo("municipality-ready"))
                .body("events.type", hasItem("municipality-answered"))
                .body("events.find { it.type == 'municipality-answered' }.data.readyFrom", equalTo(from.toString()))
                .body("events.find { it.type == 'municipality-answered' }.data.canReceive", equalTo(true))
                .body("events.find { it.type == 'municipality-answered' }.data.offer", containsString("Rom 1"))
                .body("events.find { it.type == 'municipality-answered' }.recordedBy", equalTo("test-municipal-intake"));

        String board = TestTokens.board();
        given().auth().oauth2(board).when().get("/bed-pools/" + pool + "?date=" + from.minusDays(1)).then().statusCode(200)
                .body("capacity.free", equalTo(2)).body("beds[0].statusOnDay", equalTo("free"));
        given().auth().oauth2(board).when().get("/bed-pools/" + pool + "?date=" + from).then().statusCode(200)
                .body("capacity.free", equalTo(1)).body("capacity.occupied", equalTo(1))
                .body("beds[0].statusOnDay", equalTo("occupied")).body("beds[0].hl7StatusCode", equalTo("O"));
        given().auth().oauth2(board).when().get("/bed-pools/" + pool + "?date=" + from.plusDays(5)).then().statusCode(200)
                .body("capacity.free", equalTo(2));
    }

    @Test
    void manyConcurrentRequestsForOneBedAndOverlappingDaysLetExactlyOneWin() throws Exception {
        UUID pool = BedPools.pool(SOMNA);
        UUID bed = BedPools.bed(pool, "Rom 1");
        int requests = 8;
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            patients.add(dischargeReadyPatient(SOMNA));
        }
        String intake = TestTokens.municipalIntake(SOMNA);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool8 = Executors.newFixedThreadPool(requests);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                LocalDate from = today().plusDays(1 + i % 3);
                Map<String, Object> body = allocation(patients.get(i), from, from.plusDays(6));
                Callable<Response> request = () -> {
                    start.await();
                    return given().auth().oauth2(intake).contentType(ContentType.JSON).body(body)
                            .when().post("/bed-pools/" + pool + "/beds/" + bed + "/allocations");
                };
                answers.add(pool8.submit(request));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }
            List<Response> won = responses.stream().filter(r -> r.statusCode() == 201).toList();
            List<Response> lost = responses.stream().filter(r -> r.statusCode() != 201).toList();
            assertThat(won).hasSize(1);
            String winner = won.getFirst().path("id");
            assertThat(lost).hasSize(requests - 1).allSatisfy(r -> {
                assertThat(r.statusCode()).isEqualTo(409);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.<String>path("type")).isEqualTo("/problems/conflict");
                assertThat(r.<String>path("detail")).contains("Bed Rom 1 is already given to another patient").contains("allocation " + winner);
            });
            // The losers' stays got no answer: the allocation and the answer are one transaction.
            String losersStay = lost.stream().map(r -> patients.get(responses.indexOf(r))).findFirst().orElseThrow();
            given().auth().oauth2(intake).when().get("/stays/" + losersStay).then().statusCode(200).body("status", equalTo("awaiting-municipality"));
        } finally {
            pool8.shutdownNow();
        }
        given().auth().oauth2(TestTokens.board()).when().get("/bed-pools/" + pool + "?date=" + today().plusDays(3)).then().statusCode(200)
                .body("capacity.occupied", equalTo(1)).body("capacity.free", equalTo(0));
    }

    @Test
    void aReservationForLaterLeavesTheBedForAnotherPatientBeforeItButNotOnItsDays() {
        UUID pool = BedPools.pool(SOMNA);
        UUID bed = BedPools.bed(pool, "Rom 1");
        String intake = TestTokens.municipalIntake(SOMNA);
        String reserved = allocate(intake, pool, bed, allocation(dischargeReadyPatient(SOMNA), today().plusDays(5), null)).statusCode(201)
                .extract().path("id");
        allocate(intake, pool, bed, allocation(dischargeReadyPatient(SOMNA), today(), today().plusDays(4))).statusCode(201);
        allocate(intake, pool, bed, allocation(dischargeReadyPatient(SOMNA), today().plusDays(30), today().plusDays(31))).statusCode(409)
                .body("detail", containsString("from " + today().plusDays(5) + " until discharge (allocation " + reserved + ")"));
    }

    @Test
    void aReservedOrClosedBedIsNotGivenToAnyone() {
        UUID pool = BedPools.pool(SOMNA);
        String intake = TestTokens.municipalIntake(SOMNA);
        for (String status : List.of("reserved", "closed", "occupied", "isolated", "contaminated", "being-cleaned")) {
            UUID bed = UUID.fromString(BedPools.addBed(TestTokens.admin(), pool, "Seng " + status, status).statusCode(201).extract().path("id"));
            allocate(intake, pool, bed, allocation(dischargeReadyPatient(SOMNA), today().plusDays(1), today().plusDays(2))).statusCode(409)
                    .body("type", equalTo("/problems/conflict"))
                    .body("detail", containsString("Bed Seng " + status + " is " + status + " and cannot be given to a patient"));
        }
        UUID cleaned = UUID.fromString(BedPools.addBed(TestTokens.admin(), pool, "Seng vask", "being-cleaned").statusCode(201).extract().path("id"));
        BedPools.setStatus(TestTokens.admin(), pool, cleaned, "free").statusCode(200);
        allocate(intake, pool, cleaned, allocation(dischargeReadyPatient(SOMNA), today().plusDays(1), today().plusDays(2))).statusCode(201);
    }

    @Test
    void aPatientHasOneBedAtATime() {
        UUID pool = BedPools.pool(SOMNA);
        UUID first = BedPools.bed(pool, "Rom 1");
        UUID second = BedPools.bed(pool, "Rom 2");
        String stay = dischargeReadyPatient(SOMNA);
        String intake = TestTokens.municipalIntake(SOMNA);
        String allocated = allocate(intake, pool, first, allocation(stay, today().plusDays(1), today().plusDays(9))).statusCode(201).extract().path("id");
        allocate(intake, pool, second, allocation(stay, today().plusDays(3), today().plusDays(4))).statusCode(409)
                .body("detail", containsString("The patient already has a bed")).body("detail", containsString(allocated));
    }

    @Test
    void daysInThePastOrEndingBeforeTheyStartAreRefused() {
        UUID pool = BedPools.pool(SOMNA);
        UUID bed = BedPools.bed(pool, "Rom 1");
        String stay = dischargeReadyPatient(SOMNA);
        String intake = TestTokens.municipalIntake(SOMNA);
        allocate(intake, pool, bed, allocation(stay, today().minusDays(1), today().plusDays(1))).statusCode(400)
                .body("errors[0].field", equalTo("from"));
        allocate(intake, pool, bed, allocation(stay, today().plusDays(3), today().plusDays(2))).statusCode(400)
                .body("errors[0].field", equalTo("through"));
    }

    @Test
    void anIntakeTeamGivesBedsToItsOwnPatientsInPoolsItsMunicipalityTakesPartIn() {
        UUID pool = BedPools.pool(SOMNA);
        UUID bed = BedPools.bed(pool, "Rom 1");
        String somnasPatient = dischargeReadyPatient(SOMNA);
        Map<String, Object> body = allocation(somnasPatient, today().plusDays(1), today().plusDays(2));
        // Another municipality's patient is not visible to Bindal's intake team.
        allocate(TestTokens.municipalIntake(BINDAL), pool, bed, body).statusCode(404);
        for (String token : List.of(TestTokens.ward(HELGELANDSSYKEHUSET), TestTokens.board(), TestTokens.poolAdmin(pool))) {
            allocate(token, pool, bed, body).statusCode(403);
        }
        // Bindal's patient, in a pool only Sømna takes part in.
        allocate(TestTokens.municipalIntake(BINDAL), pool, bed, allocation(dischargeReadyPatient(BINDAL), today().plusDays(1), today().plusDays(2)))
                .statusCode(403).body("detail", containsString("(1811) does not take part in the bed pool"));
        allocate(TestTokens.admin(), pool, UUID.randomUUID(), body).statusCode(404);
        allocate(TestTokens.integration(), pool, bed, body).statusCode(201).body("allocatedBy", equalTo("test-integration"));
    }
}
