package no.samhandling.discharge.stay;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import no.samhandling.discharge.testsupport.TestPatients;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The bulk path (POST /stays/imports) stores the same figures as the REST calls of wards and intake teams:
 * a seeded set of stays is loaded both ways and every stored period and day compared, stay by stay.
 */
@QuarkusTest
public class StayImportTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final String[][] MUNICIPALITIES = {{"1833", "983974929"}, {"5501", "983974899"}, {"1804", "983974910"}, {"5601", "983974880"}};

    @Inject
    AgroalDataSource dataSource;

    /** One stay: its registration and its steps, each a REST path segment and body, as the generator under bench/ makes them. */
    public record Script(Map<String, Object> registration, List<Map<String, Object>> steps) {

        /** As one stay of an import request. */
        public Map<String, Object> asImported() {
            return Map.of("registration", registration, "steps", steps);
        }
    }

    @Test
    void aSeededSetLoadedThroughRestAndThroughTheImportStoresIdenticalPeriodsAndDays() throws SQLException {
        List<Script> scripts = seededStays(20261201L, 30);
        List<UUID> viaRest = new ArrayList<>();
        for (Script script : scripts) {
            viaRest.add(throughRest(script));
        }
        List<Map<String, Object>> stays = scripts.stream()
                .map(script -> Map.<String, Object>of("registration", script.registration(), "steps", script.steps())).toList();
        // Batches of 5 stays: each call must answer within the test client's timeout on a busy machine.
        List<UUID> viaImport = new ArrayList<>();
        long events = 0;
        for (int from = 0; from < stays.size(); from += 5) {
            List<Map<String, Object>> batch = stays.subList(from, Math.min(stays.size(), from + 5));
            JsonPath imported = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("stays", batch))
                    .when().post("/stays/imports")
                    .then().statusCode(201).body("stays", equalTo(batch.size()))
                    .extract().jsonPath();
            imported.getList("ids", String.class).stream().map(UUID::fromString).forEach(viaImport::add);
            events += imported.getLong("events");
        }
        assertThat(viaImport).hasSize(scripts.size());
        assertThat(events).isEqualTo(scripts.stream().mapToLong(s -> s.steps().size()).sum());

        long days = 0;
        long billable = 0;
        for (int i = 0; i < scripts.size(); i++) {
            List<List<Object>> restDays = rows(DAYS, viaRest.get(i));
            assertThat(rows(PERIODS, viaImport.get(i))).as("periods of stay %d", i).isEqualTo(rows(PERIODS, viaRest.get(i)));
            assertThat(rows(DAYS, viaImport.get(i))).as("days of stay %d", i).isEqualTo(restDays);
            assertThat(rows(EVENTS, viaImport.get(i))).as("events of stay %d", i).isEqualTo(rows(EVENTS, viaRest.get(i)));
            days += restDays.size();
            billable += restDays.stream().filter(day -> Boolean.TRUE.equals(day.get(4))).count();
        }
        // The set exercises what matters: many days, billable and not, withdrawals and corrections.
        assertThat(days).isGreaterThan(80);
        assertThat(billable).isGreaterThan(20).isLessThan(days);
        assertThat(scripts.stream().flatMap(s -> s.steps().stream()).map(step -> step.get("path")))
                .contains("withdrawal", "correction", "municipality-response");
    }

    @Test
    void aRefusedStepRefusesTheWholeBatchNamingTheStayAndStep() {
        Script good = seededStays(7L, 1).get(0);
        Map<String, Object> registration = new LinkedHashMap<>(good.registration());
        registration.put("ward", "Importtest " + UUID.randomUUID());
        Map<String, Object> badRegistration = new LinkedHashMap<>(registration);
        Map<String, Object> first = Map.of("registration", registration, "steps", good.steps());
        Map<String, Object> second = Map.of("registration", badRegistration,
                "steps", List.of(Map.of("path", "discharge-ready-notice", "body", Map.of("sentAt", good.registration().get("admittedAt")))));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("stays", List.of(first, second)))
                .when().post("/stays/imports")
                .then().statusCode(409).body("detail", containsString("stays[1].steps[0]"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("stays", List.of(first, Map.of("registration", badRegistration, "steps",
                        List.of(Map.of("path", "teleport", "body", Map.of()))))))
                .when().post("/stays/imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/problems/validation-failed")).body("errors.field", hasItem("stays[1].steps[0].path"));
        badRegistration.put("patientIdentifier", "12345678901");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("stays", List.of(first, Map.of("registration", badRegistration, "steps", List.of()))))
                .when().post("/stays/imports")
                .then().statusCode(400).body("errors.field", hasItem("stays[1].registration.patientIdentifier"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("stays", List.of()))
                .when().post("/stays/imports").then().statusCode(400).body("errors.field", hasItem("stays"));
        // Nothing of the refused batches was kept, not even their valid first stay.
        given().auth().oauth2(TestTokens.admin()).queryParam("size", 100).when().get("/stays")
                .then().statusCode(200).body("items.ward", org.hamcrest.Matchers.not(hasItem(registration.get("ward"))));
    }

    @Test
    void concurrentBatchesWithTheSameMunicipalitiesInOppositeOrdersBothLoad() throws Exception {
        // Each stay's events lock its municipality's outbox key until the batch commits: in opposite orders they deadlocked.
        List<Map<String, Object>> forward = new ArrayList<>();
        for (Script script : seededStays(99L, 8)) {
            forward.add(Map.of("registration", script.registration(), "steps", script.steps()));
        }
        forward.sort(java.util.Comparator.comparing(stay -> (String) ((Map<?, ?>) stay.get("registration")).get("residenceMunicipality")));
        List<Map<String, Object>> backward = new ArrayList<>(forward.reversed());
        backward.replaceAll(stay -> {
            Map<String, Object> registration = new LinkedHashMap<>((Map<String, Object>) stay.get("registration"));
            registration.put("patientIdentifier", TestPatients.fodselsnummer());
            return Map.of("registration", registration, "steps", stay.get("steps"));
        });
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (List<Map<String, Object>> batch : List.of(forward, backward)) {
                answers.add(pool.submit(() -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                        .body(Map.of("stays", batch)).when().post("/stays/imports").then().extract().statusCode()));
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void onlyAdministratorsImportAndTheSameKeyTwiceLoadsOnce() {
        Script script = seededStays(11L, 1).get(0);
        Map<String, Object> body = Map.of("stays", List.of(Map.of("registration", script.registration(), "steps", script.steps())));
        for (String token : new String[]{TestTokens.integration(), TestTokens.board(), TestTokens.ward("983974929")}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/stays/imports").then().statusCode(403);
        }
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/stays/imports").then().statusCode(201).extract().path("ids[0]");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/stays/imports").then().statusCode(201).body("ids[0]", equalTo(first));
        given().auth().oauth2(TestTokens.admin()).queryParam("stayId", first).when().get("/audit-log")
                .then().statusCode(200).body("items.action", hasItem("register-stay"));
    }

    static UUID throughRest(Script script) {
        String token = TestTokens.integration();
        JsonPath stay = given().auth().oauth2(token).contentType(ContentType.JSON).body(script.registration())
                .when().post("/stays").then().statusCode(201).extract().jsonPath();
        UUID id = UUID.fromString(stay.getString("id"));
        for (Map<String, Object> step : script.steps()) {
            String path = step.get("path").equals("correction")
                    ? "/stays/" + id + "/events/" + stay.getString("events.max { it.sequence }.id") + "/correction"
                    : "/stays/" + id + "/" + step.get("path");
            stay = given().auth().oauth2(token).contentType(ContentType.JSON).body(step.get("body"))
                    .when().post(path).then().statusCode(200).extract().jsonPath();
        }
        return id;
    }

    private static final String PERIODS = "SELECT number, declared_on, ended_on, notice_on, municipality_ready_on, not_billable_because, needs, "
            + "can_receive, ready_from, expected_ready_on, offer, rules_version FROM stay_period WHERE stay_id = ? ORDER BY number";
    private static final String DAYS = "SELECT day, period_number, year, month, billable, not_billable_reason, service_area, "
            + "paying_municipality, residence_municipality, hospital, rules_version FROM stay_day WHERE stay_id = ? ORDER BY day";
    private static final String EVENTS = "SELECT sequence, kind, type, occurred_at FROM stay_event WHERE stay_id = ? ORDER BY sequence";

    private List<List<Object>> rows(String sql, UUID stay) throws SQLException {
        return rows(dataSource, sql, stay);
    }

    /** The rows the query gives for the stay, each as its column values. */
    static List<List<Object>> rows(AgroalDataSource dataSource, String sql, UUID stay) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, stay);
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** Seeded stays in 2025 with waits, answers, late notices, withdrawals, corrections and a few still open. */
    public static List<Script> seededStays(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Script> scripts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] municipality = MUNICIPALITIES[random.nextInt(MUNICIPALITIES.length)];
            LocalDate admitted = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(330));
            Instant admittedAt = at(admitted, 8 + random.nextInt(10));
            Map<String, Object> registration = new LinkedHashMap<>();
            registration.put("patientIdentifier", TestPatients.fodselsnummer());
            registration.put("hospital", municipality[1]);
            registration.put("ward", "Medisinsk sengepost");
            registration.put("serviceArea", random.nextInt(10) == 0 ? "mental-health" : "somatic");
            registration.put("residenceMunicipality", municipality[0]);
            registration.put("admittedAt", admittedAt.toString());
            List<Map<String, Object>> steps = new ArrayList<>();
            Instant notice = random.nextInt(8) == 0 ? admittedAt.plusSeconds(30 * 3600) : admittedAt.plusSeconds(3600);
            steps.add(step("admission-notice", Map.of("sentAt", notice.toString(), "expectedNeeds", "Korttidsplass")));
            LocalDate declared = admitted.plusDays(1 + random.nextInt(4));
            Map<String, Object> declaration = new LinkedHashMap<>(Map.of("declaredAt", at(declared, 10).toString(), "assessorHprNumber", "9144889",
                    "assessment", Map.of("problemsAtAdmissionClarified", true, "diagnosisAndFollowUpPlanSet", true, "functionLevelAssessed", true)));
            if (registration.get("serviceArea").equals("mental-health")) {
                declaration.put("followUp", Map.of("cooperationMeetingCalled", true, "hospitalFollowUpClarified", random.nextBoolean()));
            }
            steps.add(step("discharge-readiness", declaration));
            LocalDate noticeOn = random.nextInt(10) == 0 ? declared.plusDays(1) : declared;
            steps.add(step("discharge-ready-notice", Map.of("sentAt", at(noticeOn, 11).toString())));
            int wait = 1 + random.nextInt(9);
            LocalDate leaves = declared.plusDays(wait);
            if (random.nextInt(8) == 0) {
                steps.add(step("withdrawal", Map.of("withdrawnAt", at(leaves, 16).toString(), "reason", "Ny infeksjon")));
                steps.add(step("discharge", Map.of("dischargedAt", at(leaves.plusDays(2), 14).toString(), "destination", "home")));
            } else {
                LocalDate ready = leaves.minusDays(random.nextInt(2)).isBefore(noticeOn) ? noticeOn : leaves.minusDays(random.nextInt(2));
                if (ready.isAfter(noticeOn) && random.nextBoolean()) {
                    steps.add(step("municipality-response", Map.of("answeredAt", at(noticeOn, 13).toString(), "canReceive", false,
                            "expectedReadyOn", ready.plusDays(1).toString())));
                }
                Map<String, Object> canReceive = Map.of("answeredAt", at(ready, 12).toString(), "canReceive", true, "readyFrom", ready.toString(),
                        "offer", "Korttidsplass");
                if (random.nextInt(4) == 0) {
                    steps.add(step("municipality-response", Map.of("answeredAt", at(ready, 12).toString(), "canReceive", true,
                            "readyFrom", ready.minusDays(1).isBefore(noticeOn) ? ready.toString() : ready.minusDays(1).toString(), "offer", "Korttidsplass")));
                    steps.add(step("correction", Map.of("corrected", canReceive, "reason", "Feil mottaksdato")));
                } else {
                    steps.add(step("municipality-response", canReceive));
                }
                if (random.nextInt(10) != 0) {
                    steps.add(step("discharge", Map.of("dischargedAt", at(leaves, 15).toString(), "destination", "short-term-bed")));
                }
            }
            scripts.add(new Script(registration, steps));
        }
        return scripts;
    }

    private static Map<String, Object> step(String path, Map<String, Object> body) {
        return Map.of("path", path, "body", body);
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(OSLO).toInstant();
    }
}
