package no.samhandling.discharge.capacity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import no.samhandling.discharge.testsupport.TestClock;
import no.samhandling.discharge.testsupport.TestTokens;
import no.samhandling.discharge.time.OsloTime;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.samhandling.discharge.capacity.BedPools.HELGELANDSSYKEHUSET;
import static no.samhandling.discharge.capacity.CapacityResourceTest.places;
import static no.samhandling.discharge.capacity.CapacityResourceTest.publish;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Matching (BEON) on the real database and broker: the options of a patient from the paying municipality's receiving
 * capacity and its pools, for intake teams and for the patient's ward, and choosing one. Each test has its own
 * municipalities: Hattfjelldal (1826), Vega (1815), Vevelstad (1816), Nesna (1828), Dønna (1827).
 */
@QuarkusTest
class CareOptionsTest {

    private static final String HATTFJELLDAL = "1826";
    private static final String VEGA = "1815";
    private static final String VEVELSTAD = "1816";
    private static final String NESNA = "1828";
    private static final String DONNA = "1827";
    private static final String UNN = "983974899";

    private static LocalDate today() {
        return LocalDate.now(OsloTime.ZONE);
    }

    private static ValidatableResponse optionsOf(String token, String municipality, String stay) {
        return given().auth().oauth2(token).when().get("/municipalities/" + municipality + "/work-list/" + stay + "/options").then();
    }

    private static ValidatableResponse choose(String token, String municipality, String stay, String idempotencyKey, Map<String, ?> choice) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(choice);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/municipalities/" + municipality + "/work-list/" + stay + "/options/choice").then();
    }

    private static Map<String, Object> poolBed(UUID pool, LocalDate from) {
        Map<String, Object> choice = new HashMap<>();
        choice.put("source", "bed-pool");
        choice.put("poolId", pool.toString());
        choice.put("from", from.toString());
        return choice;
    }

    private static Map<String, Object> place(String careLevel, LocalDate from) {
        Map<String, Object> choice = new HashMap<>();
        choice.put("source", "receiving-capacity");
        choice.put("careLevel", careLevel);
        choice.put("from", from.toString());
        return choice;
    }

    private static UUID pool(Map<String, Object> body) {
        Map<String, Object> pool = new HashMap<>(body);
        pool.put("name", "Pool " + UUID.randomUUID());
        pool.put("hospitals", List.of(HELGELANDSSYKEHUSET));
        return UUID.fromString(BedPools.create(TestTokens.admin(), pool).statusCode(201).extract().path("id"));
    }

    @Test
    void optionsComeAtTheLowestCareLevelThatMeetsTheNeedsThenSoonestFromOwnPlacesAndPoolsWithinQuota() {
        String intake = TestTokens.municipalIntake(HATTFJELLDAL);
        publish(intake, HATTFJELLDAL, Map.of("from", today().toString(), "through", today().plusDays(1).toString(), "careLevels",
                List.of(places("home-care", null, null, 2), places("short-term-bed", 4, 4, 0), places("long-term-nursing-home", null, null, 1))))
                .statusCode(201);
        publish(intake, HATTFJELLDAL, Map.of("from", today().plusDays(2).toString(), "through", today().plusDays(13).toString(), "careLevels",
                List.of(places("short-term-bed", null, null, 1), places("rehabilitation-bed", null, null, 1), places("other", null, null, 5))))
                .statusCode(201);
        UUID shortTermPool = pool(Map.of("participants", List.of(HATTFJELLDAL), "quotas", List.of(Map.of("municipality", HATTFJELLDAL,
                "from", today().minusDays(1).toString(), "through", today().plusDays(30).toString(), "bedDays", 10))));
        BedPools.bed(shortTermPool, "Rom 1");
        BedPools.addBed(TestTokens.admin(), shortTermPool, "Rom 2", "closed").statusCode(201);
        UUID noQuotaLeft = pool(Map.of("participants", List.of(HATTFJELLDAL), "careLevel", "rehabilitation-bed", "quotas",
                List.of(Map.of("municipality", HATTFJELLDAL, "from", today().minusDays(1).toString(), "through", today().plusDays(30).toString(),
                        "bedDays", 0))));
        BedPools.bed(noQuotaLeft, "Rom 1");
        UUID notTakingPart = pool(Map.of("participants", List.of(DONNA)));
        BedPools.bed(notTakingPart, "Rom 1");
        given().auth().oauth2(TestTokens.board()).when().get("/bed-pools/" + noQuotaLeft).then().statusCode(200)
                .body("careLevel", equalTo("rehabilitation-bed"));

        String shortTerm = Patients.dischargeReady(HATTFJELLDAL, "Korttidsplass, deretter hjemmesykepleie");
        String nursingHome = Patients.dischargeReady(HATTFJELLDAL, "Langtidsplass");
        String soon = Patients.admitted(HATTFJELLDAL, "Hjemmesykepleie morgen og kveld", today().plusDays(3));

        optionsOf(intake, HATTFJELLDAL, shortTerm).statusCode(200)
                .body("stayId", equalTo(shortTerm))
                .body("status", equalTo("awaiting-municipality"))
                .body("payingMunicipality", equalTo(HATTFJELLDAL))
                .body("need.careLevel", equalTo("short-term-bed"))
                .body("need.recognised", equalTo(true))
                .body("need.recognisedTerms", equalTo(List.of("korttidsplass", "hjemmesykepleie")))
                .body("need.statedNeeds", equalTo("Korttidsplass, deretter hjemmesykepleie"))
                .body("searchedFrom", equalTo(today().toString()))
                .body("searchedThrough", equalTo(today().plusDays(13).toString()))
                .body("options", hasSize(4))
                .body("options[0].source", equalTo("bed-pool"))
                .body("options[0].poolId", equalTo(shortTermPool.toString()))
                .body("options[0].careLevel", equalTo("short-term-bed"))
                .body("options[0].availableFrom", equalTo(today().toString()))
                .body("options[0].freePlaces", equalTo(1))
                .body("options[0].remainingQuotaBedDays", equalTo(10))
                .body("options[1].source", equalTo("receiving-capacity"))
                .body("options[1].careLevel", equalTo("short-term-bed"))
                .body("options[1].availableFrom", equalTo(today().plusDays(2).toString()))
                .body("options[1].stale", equalTo(false))
                .body("options[2].careLevel", equalTo("rehabilitation-bed"))
                .body("options[2].source", equalTo("receiving-capacity"))
                .body("options[3].careLevel", equalTo("long-term-nursing-home"))
                .body("options[3].availableFrom", equalTo(today().toString()));

        String ward = TestTokens.ward(HELGELANDSSYKEHUSET);
        String wardView = given().auth().oauth2(ward).when().get("/stays/" + nursingHome + "/care-options").then().statusCode(200)
                .body("need.careLevel", equalTo("long-term-nursing-home"))
                .body("options", hasSize(1))
                .body("options[0].source", equalTo("receiving-capacity"))
                .body("options[0].freePlaces", equalTo(1))
                .body("patient", nullValue())
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(wardView).doesNotContain(shortTerm).doesNotContain(soon).doesNotContain("Korttidsplass");

        given().auth().oauth2(ward).when().get("/stays/" + soon + "/care-options").then().statusCode(200)
                .body("status", equalTo("admitted"))
                .body("need.careLevel", equalTo("home-care"))
                .body("searchedFrom", equalTo(today().plusDays(3).toString()))
                .body("options.careLevel", equalTo(List.of("short-term-bed", "short-term-bed", "rehabilitation-bed")))
                .body("options.availableFrom", everyItemOnOrAfter(today().plusDays(3)));

        given().auth().oauth2(intake).when().get("/municipalities/" + HATTFJELLDAL + "/work-list/options").then().statusCode(200)
                .body("items.patient.stayId", hasItems(shortTerm, nursingHome, soon))
                .body("items.find { it.patient.stayId == '" + shortTerm + "' }.options[0].poolId", equalTo(shortTermPool.toString()))
                .body("items.find { it.patient.stayId == '" + nursingHome + "' }.options.careLevel", equalTo(List.of("long-term-nursing-home")))
                .body("items.find { it.patient.stayId == '" + soon + "' }.need.careLevel", equalTo("home-care"));

        given().auth().oauth2(TestTokens.admin()).queryParam("stayId", nursingHome).when().get("/audit-log").then().statusCode(200)
                .body("items.findAll { it.action == 'read-care-options' }.role", hasItem("ward"))
                .body("items.findAll { it.action == 'read-work-list' }.tenant", hasItem(HATTFJELLDAL));
        given().auth().oauth2(TestTokens.admin()).queryParam("stayId", shortTerm).when().get("/audit-log").then().statusCode(200)
                .body("items.findAll { it.action == 'read-care-options' }.tenant", hasItem(HATTFJELLDAL));
    }

    private static org.hamcrest.Matcher<Iterable<? super String>> everyItemOnOrAfter(LocalDate day) {
        return not(hasItem(org.hamcrest.Matchers.lessThan(day.toString())));
    }

    @Test
    void choosingAPoolBedGivesTheFirstFreeBedAnswersTheHospitalAndTheSameChoiceTwiceChangesNothing() {
        String intake = TestTokens.municipalIntake(VEGA);
        UUID pool = pool(Map.of("participants", List.of(VEGA)));
        BedPools.bed(pool, "Rom 2");
        BedPools.bed(pool, "Rom 1");
        String first = Patients.dischargeReady(VEGA, "Korttidsplass");
        String second = Patients.dischargeReady(VEGA, "Korttidsplass");
        String third = Patients.dischargeReady(VEGA, "Korttidsplass");
        String key = UUID.randomUUID().toString();

        String chosen = choose(intake, VEGA, first, key, poolBed(pool, today())).statusCode(201)
                .body("stayId", equalTo(first))
                .body("source", equalTo("bed-pool"))
                .body("careLevel", equalTo("short-term-bed"))
                .body("from", equalTo(today().toString()))
                .body("poolId", equalTo(pool.toString()))
                .body("bedLabel", equalTo("Rom 1"))
                .body("allocationId", notNullValue())
                .body("offer", containsString("Rom 1"))
                .body("stayStatus", equalTo("municipality-ready"))
                .body("chosenBy", equalTo("test-municipal-intake"))
                .extract().path("id");
        choose(intake, VEGA, first, key, poolBed(pool, today())).statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(chosen));
        given().auth().oauth2(intake).when().get("/stays/" + first).then().statusCode(200)
                .body("status", equalTo("municipality-ready"))
                .body("events.findAll { it.type == 'municipality-answered' }", hasSize(1))
                .body("events.find { it.type == 'municipality-answered' }.data.readyFrom", equalTo(today().toString()));
        choose(intake, VEGA, first, UUID.randomUUID().toString(), poolBed(pool, today())).statusCode(409)
                .body("type", equalTo("/problems/impossible-transition"))
                .body("detail", containsString("already answered"));

        optionsOf(intake, VEGA, second).statusCode(200).body("options[0].freePlaces", equalTo(1));
        Map<String, Object> takenBed = poolBed(pool, today());
        takenBed.put("bedId", given().auth().oauth2(intake).when().get("/bed-pools/" + pool).then().extract()
                .path("beds.find { it.label == 'Rom 1' }.id"));
        choose(intake, VEGA, second, null, takenBed).statusCode(409).body("type", equalTo("/problems/conflict"))
                .body("detail", containsString("already given"));
        choose(intake, VEGA, second, null, poolBed(pool, today().plusDays(1))).statusCode(201).body("bedLabel", equalTo("Rom 2"));

        optionsOf(intake, VEGA, third).statusCode(200).body("options", hasSize(0));
        choose(intake, VEGA, third, null, poolBed(pool, today())).statusCode(409).body("type", equalTo("/problems/conflict"))
                .body("detail", containsString("any more"));
        given().auth().oauth2(intake).when().get("/stays/" + third).then().body("status", equalTo("awaiting-municipality"));
    }

    @Test
    void choosingAPlaceOfTheReceivingCapacityAnswersCanReceiveAndTakesThePlaceUntilTheMunicipalityPublishesAgain() {
        String intake = TestTokens.municipalIntake(VEVELSTAD);
        publish(intake, VEVELSTAD, Map.of("from", today().toString(), "through", today().plusDays(13).toString(), "careLevels",
                List.of(places("short-term-bed", null, null, 1)))).statusCode(201);
        String first = Patients.dischargeReady(VEVELSTAD, "Korttidsplass");
        String second = Patients.dischargeReady(VEVELSTAD, "Korttidsplass");
        String rehabilitation = Patients.dischargeReady(VEVELSTAD, "Rehabilitering");
        String notNotified = Patients.admitted(VEVELSTAD, "Korttidsplass", today().plusDays(2));

        choose(intake, VEVELSTAD, first, null, place("short-term-bed", today().plusDays(1))).statusCode(201)
                .body("source", equalTo("receiving-capacity"))
                .body("careLevel", equalTo("short-term-bed"))
                .body("offer", equalTo("Short-term bed (korttidsplass), Vevelstad"))
                .body("allocationId", nullValue())
                .body("stayStatus", equalTo("municipality-ready"));
        given().auth().oauth2(intake).when().get("/stays/" + first).then().statusCode(200)
                .body("events.find { it.type == 'municipality-answered' }.data.readyFrom", equalTo(today().plusDays(1).toString()))
                .body("events.find { it.type == 'municipality-answered' }.data.offer", equalTo("Short-term bed (korttidsplass), Vevelstad"));

        optionsOf(intake, VEVELSTAD, second).statusCode(200)
                .body("options", hasSize(1))
                .body("options[0].availableFrom", equalTo(today().toString()));
        choose(intake, VEVELSTAD, second, null, place("short-term-bed", today().plusDays(2))).statusCode(409)
                .body("type", equalTo("/problems/conflict")).body("detail", containsString("any more"));

        optionsOf(intake, VEVELSTAD, rehabilitation).statusCode(200).body("need.careLevel", equalTo("rehabilitation-bed")).body("options", hasSize(0));
        choose(intake, VEVELSTAD, rehabilitation, null, place("short-term-bed", today())).statusCode(409)
                .body("detail", containsString("does not meet the stated needs (rehabilitation-bed"));
        choose(intake, VEVELSTAD, rehabilitation, null, place("rehabilitation-bed", today())).statusCode(409)
                .body("detail", containsString("has published no rehabilitation-bed places"));

        publish(intake, VEVELSTAD, Map.of("from", today().toString(), "through", today().plusDays(13).toString(), "careLevels",
                List.of(places("short-term-bed", null, null, 1)))).statusCode(201);
        optionsOf(intake, VEVELSTAD, second).statusCode(200).body("options[0].availableFrom", equalTo(today().toString()))
                .body("options[0].freePlaces", equalTo(1));
        choose(intake, VEVELSTAD, second, null, place("short-term-bed", today().plusDays(2))).statusCode(201);

        choose(intake, VEVELSTAD, notNotified, null, place("short-term-bed", today().plusDays(2))).statusCode(409)
                .body("type", equalTo("/problems/impossible-transition")).body("detail", containsString("§ 10"));
        choose(intake, VEVELSTAD, rehabilitation, null, Map.of("source", "receiving-capacity", "from", today().toString())).statusCode(400)
                .body("errors.field", hasItem("careLevel"));
        choose(intake, VEVELSTAD, rehabilitation, null, place("rehabilitation-bed", today().minusDays(1))).statusCode(400)
                .body("errors.field", hasItem("from"));
        choose(intake, VEVELSTAD, rehabilitation, null, place("rehabilitation-bed", today().plusDays(14))).statusCode(400)
                .body("errors.field", hasItem("from"));
        choose(intake, VEVELSTAD, rehabilitation, null, Map.of("source", "bed-pool", "from", today().toString())).statusCode(400)
                .body("errors.field", hasItem("poolId"));
    }

    @Test
    void intakeWorkersChoosingTheLastPlaceForSeveralPatientsAtOnceGetItOnce() throws Exception {
        String heroy = "1818";
        String intake = TestTokens.municipalIntake(heroy);
        publish(intake, heroy, Map.of("from", today().toString(), "through", today().plusDays(13).toString(), "careLevels",
                List.of(places("short-term-bed", null, null, 1)))).statusCode(201);
        List<String> patients = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            patients.add(Patients.dischargeReady(heroy, "Korttidsplass"));
        }
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(patients.size());
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (String patient : patients) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return choose(intake, heroy, patient, null, place("short-term-bed", today())).extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            org.assertj.core.api.Assertions.assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void staleFiguresComeLastOnTheirDayAndCannotBeChosenUntilPublishedAgain() {
        String intake = TestTokens.municipalIntake(NESNA);
        TestClock.fixAt(today().minusDays(10).atTime(LocalTime.NOON).toString());
        try {
            publish(intake, NESNA, Map.of("from", today().toString(), "through", today().plusDays(13).toString(), "careLevels",
                    List.of(places("short-term-bed", null, null, 2)))).statusCode(201);
        } finally {
            TestClock.release();
        }
        UUID pool = pool(Map.of("participants", List.of(NESNA)));
        BedPools.bed(pool, "Rom 1");
        String patient = Patients.dischargeReady(NESNA, "Korttidsplass");

        optionsOf(intake, NESNA, patient).statusCode(200)
                .body("options", hasSize(2))
                .body("options[0].source", equalTo("bed-pool"))
                .body("options[1].source", equalTo("receiving-capacity"))
                .body("options[1].stale", equalTo(true))
                .body("options[1].availableFrom", equalTo(today().toString()));
        choose(intake, NESNA, patient, null, place("short-term-bed", today())).statusCode(409)
                .body("type", equalTo("/problems/conflict")).body("detail", containsString("more than 7 days ago"));
        given().auth().oauth2(intake).when().get("/stays/" + patient).then().body("status", equalTo("awaiting-municipality"));
    }

    @Test
    void anIntakeTeamSeesAndChoosesForItsOwnPatientsAndAWardForItsOwnHospitalsOnly() {
        String patient = Patients.dischargeReady(DONNA, "Korttidsplass");
        String otherIntake = TestTokens.municipalIntake(HATTFJELLDAL);
        optionsOf(otherIntake, DONNA, patient).statusCode(403).body("type", equalTo("/problems/forbidden"));
        optionsOf(otherIntake, HATTFJELLDAL, patient).statusCode(404).body("type", equalTo("/problems/not-found"));
        choose(otherIntake, DONNA, patient, null, place("short-term-bed", today())).statusCode(403);
        choose(otherIntake, HATTFJELLDAL, patient, null, place("short-term-bed", today())).statusCode(404);
        given().auth().oauth2(otherIntake).when().get("/municipalities/" + DONNA + "/work-list/options").then().statusCode(403);
        given().auth().oauth2(TestTokens.municipalIntake(DONNA)).when().get("/municipalities/" + DONNA + "/work-list/options?status=waiting")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        given().auth().oauth2(TestTokens.municipalIntake(DONNA)).when().get("/municipalities/" + DONNA + "/work-list/options?status=admitted")
                .then().statusCode(200).body("items.patient.stayId", not(hasItem(patient)));
        optionsOf(TestTokens.municipalIntake(DONNA), DONNA, UUID.randomUUID().toString()).statusCode(404);

        given().auth().oauth2(TestTokens.ward(UNN)).when().get("/stays/" + patient + "/care-options").then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        given().auth().oauth2(TestTokens.municipalIntake(DONNA)).when().get("/stays/" + patient + "/care-options").then().statusCode(403);
        given().auth().oauth2(TestTokens.board()).when().get("/stays/" + patient + "/care-options").then().statusCode(403);
        optionsOf(TestTokens.board(), DONNA, patient).statusCode(403);
        optionsOf(TestTokens.ward(HELGELANDSSYKEHUSET), DONNA, patient).statusCode(403);
        choose(TestTokens.ward(HELGELANDSSYKEHUSET), DONNA, patient, null, place("short-term-bed", today())).statusCode(403);
        given().when().get("/stays/" + patient + "/care-options").then().statusCode(401);

        given().auth().oauth2(TestTokens.ward(HELGELANDSSYKEHUSET)).when().get("/stays/" + patient + "/care-options").then().statusCode(200);
        optionsOf(TestTokens.integration(), DONNA, patient).statusCode(200);
        given().auth().oauth2(TestTokens.admin()).queryParam("stayId", patient).when().get("/audit-log").then().statusCode(200)
                .body("items.findAll { it.action == 'read-care-options' }.role", hasItems("ward", "integration"))
                .body("items.findAll { it.action == 'read-care-options' }.tenant", not(hasItem(HATTFJELLDAL)));
    }
}
