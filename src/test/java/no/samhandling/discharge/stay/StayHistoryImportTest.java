package no.samhandling.discharge.stay;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import no.samhandling.discharge.stay.StayImportTest.Script;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The fast import of history (POST /stays/history-imports) stores what the REST calls of wards and intake teams
 * store: a seeded set of stays is loaded both ways and every stored event, period, day and statistics month row
 * compared, stay by stay; it sends no message, audits each stay once, and a refused stay refuses the whole call.
 */
@QuarkusTest
class StayHistoryImportTest {

    private static final String PATH = "/stays/history-imports";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSeededSetLoadedThroughRestAndThroughTheHistoryImportStoresIdenticalEventsPeriodsDaysAndStatistics() throws SQLException {
        List<Script> scripts = new ArrayList<>(StayImportTest.seededStays(20261202L, 30));
        scripts.set(0, withNeeds(scripts.get(0), "Korttidsplass\tmed \\ og \"sitat\"\nny linje; ærlig ønske"));
        Map<List<Object>, List<Long>> beforeRest = statisticsMonths();
        List<UUID> viaRest = new ArrayList<>();
        for (Script script : scripts) {
            viaRest.add(StayImportTest.throughRest(script));
        }
        Map<List<Object>, List<Long>> afterRest = statisticsMonths();
        List<UUID> viaHistory = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("stays", scripts.stream().map(Script::asImported).toList()))
                .when().post(PATH)
                .then().statusCode(201).body("stays", equalTo(scripts.size()))
                .body("events", equalTo((int) scripts.stream().mapToLong(s -> s.steps().size()).sum()))
                .extract().jsonPath().getList("ids", String.class).stream().map(UUID::fromString).toList();
        Map<List<Object>, List<Long>> afterHistory = statisticsMonths();

        long days = 0;
        for (int i = 0; i < scripts.size(); i++) {
            for (String table : List.of(STAY, EVENTS, PERIODS, DAYS, STAY_MONTHS, OPEN_PERIOD)) {
                assertThat(rows(table, viaHistory.get(i))).as("%s of stay %d", table, i).isEqualTo(rows(table, viaRest.get(i)));
            }
            // Who created the stay is who called. The version counts the stay's row changes, on which If-Match and ETag build:
            // through REST the registration's (its row written, then updated by its admission) and one per step; an imported
            // stay's row is written once and has not changed since.
            assertThat(rows(CREATED_BY_AND_VERSION, viaRest.get(i))).as("creator and version of stay %d through REST", i)
                    .isEqualTo(List.of(List.of("test-integration", 1L + scripts.get(i).steps().size())));
            assertThat(rows(CREATED_BY_AND_VERSION, viaHistory.get(i))).as("creator and version of imported stay %d", i)
                    .isEqualTo(List.of(List.of("test-admin", 0L)));
            days += rows(DAYS, viaRest.get(i)).size();
            assertThat(rows(OUTBOX, viaRest.get(i))).as("messages of stay %d through REST", i).isNotEmpty();
            assertThat(rows(OUTBOX, viaHistory.get(i))).as("messages of imported stay %d", i).isEmpty();
            assertThat(rows(AUDIT, viaHistory.get(i))).as("audit of imported stay %d", i).isEqualTo(List.of(List.of("import-history")));
        }
        assertThat(rows(STAY, viaHistory.getFirst()).getFirst()).contains("Korttidsplass\tmed \\ og \"sitat\"\nny linje; ærlig ønske");
        // The monthly sums the statistics read: what the REST calls added, the import added too (its "changes" count
        // differs: REST rewrites a stay's months at every step, the import writes them once).
        Map<List<Object>, List<Long>> addedByRest = added(beforeRest, afterRest);
        assertThat(addedByRest).isNotEmpty();
        assertThat(added(afterRest, afterHistory)).isEqualTo(addedByRest);
        assertThat(days).isGreaterThan(80);
        assertThat(scripts.stream().flatMap(s -> s.steps().stream()).map(step -> step.get("path")))
                .contains("withdrawal", "correction", "municipality-response");
    }

    @Test
    void aRefusedStayRefusesTheWholeCallNamingTheStayAndStep() {
        Script good = StayImportTest.seededStays(8L, 1).get(0);
        String ward = "Historikktest " + UUID.randomUUID();
        Map<String, Object> registration = onWard(good, ward);
        Map<String, Object> first = Map.of("registration", registration, "steps", good.steps());
        String admittedAt = (String) good.registration().get("admittedAt");

        post(List.of(first, stay(registration, Map.of("path", "discharge-ready-notice", "body", Map.of("sentAt", admittedAt)))))
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("stays[1].steps[0]"));
        String future = Instant.now().plus(2, ChronoUnit.MINUTES).toString();
        post(List.of(first, stay(registration, Map.of("path", "admission-notice", "body", Map.of("sentAt", future, "expectedNeeds", "Korttidsplass")))))
                .then().statusCode(400).body("errors.field", hasItem("stays[1].steps[0].time"));
        // A step without its time would be recorded as now: history holds only what has happened.
        post(List.of(first, stay(registration, Map.of("path", "admission-notice", "body", Map.of("expectedNeeds", "Korttidsplass")))))
                .then().statusCode(400).body("errors.field", hasItem("stays[1].steps[0].time"));
        post(List.of(first, stay(registration, Map.of("path", "teleport", "body", Map.of()))))
                .then().statusCode(400).body("errors.field", hasItem("stays[1].steps[0].path"));
        Map<String, Object> noAdmission = new LinkedHashMap<>(registration);
        noAdmission.remove("admittedAt");
        post(List.of(first, Map.of("registration", noAdmission, "steps", List.of())))
                .then().statusCode(400).body("errors.field", hasItem("stays[1].registration.admittedAt"));
        Map<String, Object> badPatient = new LinkedHashMap<>(registration);
        badPatient.put("patientIdentifier", "12345678901");
        post(List.of(first, Map.of("registration", badPatient, "steps", List.of())))
                .then().statusCode(400).body("errors.field", hasItem("stays[1].registration.patientIdentifier"));
        post(List.of()).then().statusCode(400).body("errors.field", hasItem("stays"));
        // Nothing of the refused calls was kept, not even their valid first stay.
        assertNoStayOn(ward);
    }

    @Test
    void aCallWithoutIdempotencyKeyIsRefusedNamingTheHeaderAndLoadsNothing() {
        Script script = StayImportTest.seededStays(13L, 1).get(0);
        String ward = "Historikk uten nøkkel " + UUID.randomUUID();
        Map<String, Object> registration = onWard(script, ward);
        for (String blank : new String[]{null, " "}) {
            var request = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("stays", List.of(Map.of("registration", registration, "steps", script.steps()))));
            (blank == null ? request : request.header("Idempotency-Key", blank)).when().post(PATH)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", endsWith("/problems/validation-failed")).body("errors.field", equalTo(List.of("Idempotency-Key")));
        }
        assertNoStayOn(ward);
    }

    @Test
    void aTextWithTheNulCharacterIsRefusedNamingTheStayStepAndField() {
        Script good = StayImportTest.seededStays(14L, 1).get(0);
        Map<String, Object> first = good.asImported();
        Map<String, Object> registration = new LinkedHashMap<>(good.registration());
        registration.put("ward", "Medisinsk\u0000sengepost");
        post(List.of(first, Map.of("registration", registration, "steps", List.of())))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("stays[1].registration.ward")))
                .body("errors.message", hasItem(containsString("NUL")));
        String admittedAt = (String) good.registration().get("admittedAt");
        post(List.of(first, stay(good.registration(), Map.of("path", "admission-notice",
                "body", Map.of("sentAt", admittedAt, "expectedNeeds", "Korttids\u0000plass")))))
                .then().statusCode(400).body("errors.field", equalTo(List.of("stays[1].steps[0].expectedNeeds")));
        Map<String, Object> notice = Map.of("sentAt", admittedAt, "expectedNeeds", "Korttidsplass");
        post(List.of(first, Map.of("registration", good.registration(), "steps", List.of(
                Map.of("path", "admission-notice", "body", notice),
                Map.of("path", "correction", "body", Map.of("corrected", Map.of("sentAt", admittedAt, "expectedNeeds", "Lang\u0000tid"),
                        "reason", "Feil behov"))))))
                .then().statusCode(400).body("errors.field", equalTo(List.of("stays[1].steps[1].corrected.expectedNeeds")));
        post(List.of(first, Map.of("registration", good.registration(), "steps", List.of(
                Map.of("path", "admission-notice", "body", notice),
                Map.of("path", "correction", "body", Map.of("corrected", notice, "reason", "Feil\u0000"))))))
                .then().statusCode(400).body("errors.field", equalTo(List.of("stays[1].steps[1].reason")));
    }

    @Test
    void aLaterCorrectionOfAnImportedEventIsAnnouncedAsANewMessageAndACancellationOfOneNotAtAll() throws SQLException {
        Script script = StayImportTest.seededStays(15L, 1).get(0);
        Instant admitted = Instant.parse((String) script.registration().get("admittedAt"));
        List<Map<String, Object>> steps = List.of(
                Map.of("path", "admission-notice", "body", Map.of("sentAt", admitted.plus(1, ChronoUnit.HOURS).toString(),
                        "expectedNeeds", "Korttidsplass")),
                Map.of("path", "discharge", "body", Map.of("dischargedAt", admitted.plus(3, ChronoUnit.DAYS).toString(), "destination", "home")));
        UUID stay = UUID.fromString(given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("stays", List.of(new Script(script.registration(), steps).asImported())))
                .when().post(PATH).then().statusCode(201).extract().path("ids[0]"));
        io.restassured.path.json.JsonPath view = given().auth().oauth2(TestTokens.integration()).when().get("/stays/" + stay)
                .then().statusCode(200).extract().jsonPath();
        String notice = view.getString("events.find { it.type == 'admission-notice-sent' }.id");
        String discharge = view.getString("events.find { it.type == 'discharged' }.id");

        Map<String, Object> corrected = Map.of("sentAt", admitted.plus(1, ChronoUnit.HOURS).toString(), "expectedNeeds", "Langtidsplass");
        String correction = given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON)
                .body(Map.of("corrected", corrected, "reason", "Feil behov"))
                .when().post("/stays/" + stay + "/events/" + notice + "/correction")
                .then().statusCode(200).extract().path("events.max { it.sequence }.id");
        given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON).body(Map.of("reason", "Registrert på feil pasient"))
                .when().post("/stays/" + stay + "/events/" + discharge + "/cancellation").then().statusCode(200);
        given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON)
                .body(Map.of("corrected", Map.of("sentAt", corrected.get("sentAt"), "expectedNeeds", "Hjemmesykepleie"), "reason", "Feil igjen"))
                .when().post("/stays/" + stay + "/events/" + correction + "/correction").then().statusCode(200);

        List<List<Object>> messages = rows(MESSAGES, stay);
        assertThat(messages).as("messages of the imported stay after its correction, cancellation and second correction").hasSize(2);
        io.restassured.path.json.JsonPath first = new io.restassured.path.json.JsonPath((String) messages.get(0).get(1));
        io.restassured.path.json.JsonPath second = new io.restassured.path.json.JsonPath((String) messages.get(1).get(1));
        assertThat(messages.get(0).get(0)).isEqualTo("admission-notice");
        assertThat(status(first)).isEqualTo("new");
        assertThat(replaces(first)).isNull();
        assertThat(first.getString("entry.resource.find { it.resourceType == 'Encounter' }.extension.find { it.url.endsWith('/expected-needs') }.valueString"))
                .isEqualTo("Langtidsplass");
        assertThat(messages.get(1).get(0)).isEqualTo("admission-notice");
        assertThat(status(second)).isEqualTo("corrected");
        assertThat(replaces(second)).isEqualTo(first.getString("entry[0].resource.id"));
    }

    private static String status(io.restassured.path.json.JsonPath message) {
        return message.getString("entry[0].resource.extension.find { it.url.endsWith('/message-status') }.valueCode");
    }

    private static String replaces(io.restassured.path.json.JsonPath message) {
        return message.getString("entry[0].resource.extension.find { it.url.endsWith('/replaces-message') }.valueString");
    }

    @Test
    void onlyAdministratorsImportHistoryAndTheSameKeyTwiceLoadsOnce() throws SQLException {
        Script script = StayImportTest.seededStays(12L, 1).get(0);
        Map<String, Object> body = Map.of("stays", List.of(script.asImported()));
        for (String token : new String[]{TestTokens.integration(), TestTokens.board(), TestTokens.ward("983974929")}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(PATH).then().statusCode(403);
        }
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post(PATH).then().statusCode(201).extract().path("ids[0]");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post(PATH).then().statusCode(201).body("ids[0]", equalTo(first));
        assertThat(rows("SELECT count(*) FROM stay WHERE patient_identifier = (SELECT patient_identifier FROM stay WHERE id = ?)",
                UUID.fromString(first))).isEqualTo(List.of(List.of(1L)));
        given().auth().oauth2(TestTokens.admin()).queryParam("stayId", first).when().get("/audit-log")
                .then().statusCode(200).body("items.action", hasItem("import-history"));
    }

    /** The script's registration, on a ward of its own. */
    private static Map<String, Object> onWard(Script script, String ward) {
        Map<String, Object> registration = new LinkedHashMap<>(script.registration());
        registration.put("ward", ward);
        return registration;
    }

    private static void assertNoStayOn(String ward) {
        given().auth().oauth2(TestTokens.admin()).queryParam("size", 100).when().get("/stays")
                .then().statusCode(200).body("items.ward", org.hamcrest.Matchers.not(hasItem(ward)));
    }

    /** The stay with these expected needs in its admission notice (its first step): text the COPY must escape. */
    private static Script withNeeds(Script script, String needs) {
        List<Map<String, Object>> steps = new ArrayList<>(script.steps());
        Map<String, Object> notice = new LinkedHashMap<>((Map<String, Object>) steps.getFirst().get("body"));
        notice.put("expectedNeeds", needs);
        steps.set(0, Map.of("path", steps.getFirst().get("path"), "body", notice));
        return new Script(script.registration(), steps);
    }

    private static Map<String, Object> stay(Map<String, Object> registration, Map<String, Object> step) {
        return Map.of("registration", registration, "steps", List.of(step));
    }

    private static io.restassured.response.Response post(List<Map<String, Object>> stays) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("stays", stays)).when().post(PATH);
    }

    /** Every statistics_month row's ready and billable days, by the row's key. */
    private Map<List<Object>, List<Long>> statisticsMonths() throws SQLException {
        Map<List<Object>, List<Long>> months = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT paying_municipality, year, month, residence_municipality, service_area, "
                     + "age_group, ready_days, billable_days FROM statistics_month")) {
            while (result.next()) {
                months.put(List.of(result.getString(1), result.getInt(2), result.getInt(3), result.getString(4), result.getString(5),
                        result.getString(6)), List.of(result.getLong(7), result.getLong(8)));
            }
        }
        return months;
    }

    /** What was added to each month's sums between the two readings (rows are never deleted). */
    private static Map<List<Object>, List<Long>> added(Map<List<Object>, List<Long>> before, Map<List<Object>, List<Long>> after) {
        Map<List<Object>, List<Long>> added = new HashMap<>();
        after.forEach((key, sums) -> {
            List<Long> was = before.getOrDefault(key, List.of(0L, 0L));
            List<Long> delta = List.of(sums.get(0) - was.get(0), sums.get(1) - was.get(1));
            if (!delta.equals(List.of(0L, 0L))) {
                added.put(key, delta);
            }
        });
        return added;
    }

    private static final String STAY = "SELECT patient_identifier_kind, patient_identifier, hospital, ward, service_area, residence_municipality, paying_municipality, "
            + "status, admitted_at, expected_discharge_date, expected_needs, figures_rules_version FROM stay WHERE id = ?";
    private static final String EVENTS = "SELECT e.sequence, e.kind, e.type, e.occurred_at, e.payload::text, e.reason, r.sequence "
            + "FROM stay_event e LEFT JOIN stay_event r ON r.id = e.replaces WHERE e.stay_id = ? ORDER BY e.sequence";
    private static final String PERIODS = "SELECT number, declared_on, ended_on, notice_on, municipality_ready_on, not_billable_because, needs, "
            + "can_receive, ready_from, expected_ready_on, offer, rules_version, (SELECT sequence FROM stay_event WHERE id = event_id) "
            + "FROM stay_period WHERE stay_id = ? ORDER BY number";
    private static final String DAYS = "SELECT day, period_number, year, month, billable, not_billable_reason, service_area, "
            + "paying_municipality, residence_municipality, hospital, rules_version, (SELECT sequence FROM stay_event WHERE id = event_id) "
            + "FROM stay_day WHERE stay_id = ? ORDER BY day";
    private static final String STAY_MONTHS = "SELECT period_number, year, month, age_group, paying_municipality, residence_municipality, "
            + "service_area, hospital, care_level, ready_days, billable_days FROM statistics_stay_month WHERE stay_id = ? "
            + "ORDER BY period_number, year, month";
    private static final String OPEN_PERIOD = "SELECT age_group FROM statistics_open_period WHERE stay_id = ?";
    private static final String CREATED_BY_AND_VERSION = "SELECT created_by, version FROM stay WHERE id = ?";
    private static final String MESSAGES = "SELECT event_code, payload FROM outbox_message WHERE subject = ?::text ORDER BY created_at, id";
    private static final String OUTBOX = "SELECT event_code FROM outbox_message WHERE subject = ?::text";
    private static final String AUDIT = "SELECT action FROM audit_log WHERE stay_id = ?";

    private List<List<Object>> rows(String sql, UUID stay) throws SQLException {
        return StayImportTest.rows(dataSource, sql, stay);
    }
}
