package no.samhandling.discharge.stay;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import no.samhandling.discharge.stay.StayCommands.RegisterStay;
import no.samhandling.discharge.testsupport.TestPatients;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient's number for the statistics (V70): one per patient whatever path registered the stays (REST, many
 * registrations of one new patient at once, the history import), never two for one patient, never one for two.
 */
@QuarkusTest
class PatientNumbersTest {

    @Inject
    StayRegistration registration;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyStayOfAPatientHasTheirNumberAndOtherPatientsOthers() throws SQLException {
        String first = TestPatients.fodselsnummer();
        String second = TestPatients.dNummer();
        UUID a = register(first);
        UUID b = register(first);
        UUID c = register(second);
        assertThat(numberOf(a)).isEqualTo(numberOf(b)).isNotEqualTo(numberOf(c));
        assertOneNumberPerPatient();
    }

    @Test
    void aNewPatientRegisteredManyTimesAtOnceGetsOneNumber() throws Exception {
        String patient = TestPatients.fodselsnummer();
        int registrations = 6;
        ExecutorService pool = Executors.newFixedThreadPool(registrations);
        CountDownLatch start = new CountDownLatch(1);
        List<UUID> stays = new ArrayList<>();
        try {
            List<Future<UUID>> done = new ArrayList<>();
            for (int i = 0; i < registrations; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    return register(patient);
                }));
            }
            start.countDown();
            for (Future<UUID> future : done) {
                stays.add(future.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> numbers = new ArrayList<>();
        for (UUID stay : stays) {
            numbers.add(numberOf(stay));
        }
        assertThat(numbers).hasSize(registrations).containsOnly(numbers.getFirst());
        assertOneNumberPerPatient();
    }

    @Test
    void theHistoryImportGivesAKnownPatientTheirNumberAndANewOneOneNumberForAllTheirStays() throws SQLException {
        String known = TestPatients.fodselsnummer();
        String unknown = TestPatients.fodselsnummer();
        UUID earlier = register(known);
        List<UUID> imported = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("stays", List.of(historic(known), historic(unknown), historic(unknown))))
                .when().post("/stays/history-imports")
                .then().statusCode(201).extract().jsonPath().getList("ids", String.class).stream().map(UUID::fromString).toList();
        assertThat(numberOf(imported.get(0))).isEqualTo(numberOf(earlier));
        assertThat(numberOf(imported.get(1))).isEqualTo(numberOf(imported.get(2))).isNotEqualTo(numberOf(earlier));
        assertOneNumberPerPatient();
    }

    private UUID register(String patient) {
        return registration.register(RandomStayHistories.INTEGRATION, new RegisterStay(patient, "983974899", "Post 5B", ServiceArea.SOMATIC,
                "1841", null, Instant.now().minus(2, ChronoUnit.DAYS))).id();
    }

    private static Map<String, Object> historic(String patient) {
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("patientIdentifier", patient);
        registration.put("hospital", "983974899");
        registration.put("ward", "Post 5B");
        registration.put("serviceArea", "somatic");
        registration.put("residenceMunicipality", "1841");
        registration.put("admittedAt", Instant.now().minus(30, ChronoUnit.DAYS).toString());
        return Map.of("registration", registration, "steps", List.of());
    }

    private long numberOf(UUID stay) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT patient_number FROM stay WHERE id = ?")) {
            select.setObject(1, stay);
            try (ResultSet r = select.executeQuery()) {
                assertThat(r.next()).as("stay %s", stay).isTrue();
                return r.getLong(1);
            }
        }
    }

    /** Over every stay stored: numbers and patients correspond one to one. */
    private void assertOneNumberPerPatient() throws SQLException {
        Map<String, Long> numberOfPatient = new HashMap<>();
        Map<Long, String> patientOfNumber = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery("SELECT DISTINCT patient_identifier_kind || ':' || patient_identifier, patient_number FROM stay")) {
            while (r.next()) {
                String patient = r.getString(1);
                long number = r.getLong(2);
                assertThat(numberOfPatient.put(patient, number)).as("the only number of a patient").isIn(null, number);
                assertThat(patientOfNumber.put(number, patient)).as("the only patient of number %d", number).isIn(null, patient);
            }
        }
        assertThat(numberOfPatient).isNotEmpty();
    }
}
