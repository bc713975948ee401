package no.samhandling.discharge.statistics;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.samhandling.discharge.stay.DischargeDestination;
import no.samhandling.discharge.stay.PersonIdentifier;
import no.samhandling.discharge.stay.RandomStayHistories;
import no.samhandling.discharge.stay.ServiceArea;
import no.samhandling.discharge.stay.StayCommands.RegisterStay;
import no.samhandling.discharge.stay.StayEvent;
import no.samhandling.discharge.stay.StayEventCodec;
import no.samhandling.discharge.stay.StayEventRow;
import no.samhandling.discharge.stay.StayEvents;
import no.samhandling.discharge.stay.StayHistory;
import no.samhandling.discharge.stay.StayImportTest;
import no.samhandling.discharge.stay.StayRegistration;
import io.restassured.http.ContentType;
import no.samhandling.discharge.testsupport.TestPatients;
import no.samhandling.discharge.testsupport.TestTokens;
import no.samhandling.discharge.time.OsloTime;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregates equal a full recomputation from the stored days ({@code stay_day}), the periods and the stays'
 * corrected histories, whatever events arrive (random histories through the real services), when events of one
 * municipality commit at the same time, and after the backfill migration runs again over them.
 */
@QuarkusTest
class StatisticsAggregatesTest {

    private static final int TRIES = 25;

    @Inject
    StayRegistration registration;
    @Inject
    StayEvents events;
    @Inject
    StayEventCodec codec;
    @Inject
    AgroalDataSource dataSource;

    /** The three aggregate tables as sorted lines. */
    record Aggregates(List<String> stayMonths, List<String> months, List<String> openPeriods) {
    }

    @Test
    void theAggregatesEqualAFullRecomputationWhateverArrivesInWhateverOrder() throws SQLException {
        // jqwik's engine cannot run a @QuarkusTest: its arbitraries generate the histories here, and a failure names the plan.
        RandomStayHistories histories = new RandomStayHistories(registration, events);
        List<String> played = new ArrayList<>();
        var plans = RandomStayHistories.plans().sampleStream().limit(TRIES).toList();
        for (int i = 0; i < plans.size(); i++) {
            histories.play(plans.get(i));
            played.add(plans.get(i).toString());
            if (i % 5 == 4) {
                assertThat(maintained()).as("after %s", played).isEqualTo(recomputed());
            }
        }
        Aggregates aggregates = maintained();
        // Not all refused: days in several age groups, service areas and with a municipal care level are aggregated.
        assertThat(aggregates.months()).hasSizeGreaterThan(3);
        assertThat(aggregates.stayMonths()).anyMatch(line -> line.contains(" short-term ") || line.contains(" nursing-home ")
                || line.contains(" home-care ") || line.contains(" other "));
    }

    @Test
    void eventsOfOneMunicipalityCommittingAtOnceLoseNoUpdate() throws Exception {
        int stays = 8;
        long before = marchDays("1841");
        ExecutorService pool = Executors.newFixedThreadPool(stays);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < stays; i++) {
                // Born the same year: every stay adds to the same statistics_month row.
                String patient = TestPatients.fodselsnummer(LocalDate.of(1950, 1, 1 + i));
                done.add(pool.submit(() -> {
                    start.await();
                    waitFourDaysInMarch2024(patient);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(marchDays("1841")).isEqualTo(before + 4L * stays);
        assertThat(maintained()).isEqualTo(recomputed());
    }

    @Test
    void historyImportedInConcurrentCallsKeepsTheAggregatesEqualToAFullRecomputation() throws Exception {
        List<Map<String, Object>> stays = StayImportTest.seededStays(20261203L, 40).stream().map(StayImportTest.Script::asImported).toList();
        long before = allReadyDays();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // Two calls over the same municipalities at once add to the same statistics_month rows, in one order: no deadlock.
            List<Future<Integer>> answers = new ArrayList<>();
            for (List<Map<String, Object>> half : List.of(stays.subList(0, 20), stays.subList(20, 40))) {
                answers.add(pool.submit(() -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Map.of("stays", half)).when().post("/stays/history-imports").then().extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(5, TimeUnit.MINUTES)).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(maintained()).isEqualTo(recomputed());
        assertThat(allReadyDays()).isGreaterThan(before);
    }

    private long allReadyDays() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery("SELECT coalesce(sum(ready_days), 0) FROM statistics_month")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void theBackfillMigrationGivesTheAggregatesKeptEventByEvent() throws Exception {
        RandomStayHistories histories = histories();
        RandomStayHistories.plans().sampleStream().limit(8).forEach(histories::play);
        Aggregates kept = maintained();
        assertThat(kept.stayMonths()).isNotEmpty();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // The backfill as a database of before V70 ran it, then V70's numbering of its rows (the column is NOT NULL after it).
                statement.execute("ALTER TABLE statistics_stay_month ALTER COLUMN patient_number DROP NOT NULL");
                statement.execute(migration("V41__statistics_aggregates_backfill.sql"));
                statement.execute(migration("V70__patient_number.sql").lines().filter(line -> line.startsWith("UPDATE statistics_stay_month"))
                        .findFirst().orElseThrow());
                assertThat(read(connection)).isEqualTo(kept);
            } finally {
                connection.rollback();
            }
        }
    }

    private RandomStayHistories histories() {
        return new RandomStayHistories(registration, events);
    }

    private void waitFourDaysInMarch2024(String patient) {
        var admitted = LocalDateTime.of(2024, 3, 1, 8, 0).atZone(OsloTime.ZONE).toInstant();
        var caller = RandomStayHistories.INTEGRATION;
        UUID stay = registration.register(caller, new RegisterStay(patient, "983974899", "Post 5B", ServiceArea.SOMATIC, "1841", null,
                admitted)).id();
        events.record(caller, stay, OptionalLong.empty(), new StayEvent.AdmissionNoticeSent(admitted.plusSeconds(3600), null, "home care", false));
        var declared = LocalDateTime.of(2024, 3, 2, 9, 0).atZone(OsloTime.ZONE).toInstant();
        events.record(caller, stay, OptionalLong.empty(), new StayEvent.DeclaredDischargeReady(declared, "9144889",
                new StayEvent.Assessment(true, true, true), new StayEvent.FollowUpConditions(true, true), "short-term bed"));
        events.record(caller, stay, OptionalLong.empty(), new StayEvent.DischargeReadyNoticeSent(declared.plusSeconds(3600)));
        events.record(caller, stay, OptionalLong.empty(), new StayEvent.Discharged(declared.plusSeconds(4 * 86400L + 3600),
                DischargeDestination.SHORT_TERM_BED));
    }

    private long marchDays(String municipality) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery("SELECT coalesce(sum(ready_days), 0) FROM statistics_month WHERE paying_municipality = '"
                     + municipality + "' AND year = 2024 AND month = 3")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String migration(String name) throws IOException {
        try (InputStream in = StatisticsAggregatesTest.class.getClassLoader().getResourceAsStream("db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Aggregates maintained() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection);
        }
    }

    private static Aggregates read(Connection connection) throws SQLException {
        return new Aggregates(
                lines(connection, "SELECT stay_id, period_number, year, month, age_group, paying_municipality, residence_municipality, "
                        + "service_area, hospital, care_level, ready_days, billable_days, patient_number FROM statistics_stay_month"),
                lines(connection, "SELECT paying_municipality, year, month, residence_municipality, service_area, age_group, ready_days, "
                        + "billable_days FROM statistics_month WHERE ready_days > 0"),
                lines(connection, "SELECT stay_id, age_group FROM statistics_open_period"));
    }

    private static List<String> lines(Connection connection, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet r = statement.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder line = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    line.append(r.getString(c)).append(' ');
                }
                lines.add(line.toString().strip());
            }
        }
        return lines.stream().sorted().toList();
    }

    /** From the stored days, the periods' declarations, the identifiers' birth dates and the corrected histories' discharges. */
    private Aggregates recomputed() throws SQLException {
        List<String> stayMonths = new ArrayList<>();
        Map<String, long[]> months = new TreeMap<>();
        Map<UUID, String> careLevels = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery("SELECT d.stay_id, d.period_number, d.year, d.month, d.paying_municipality, "
                     + "d.residence_municipality, d.service_area, d.hospital, count(*), count(*) FILTER (WHERE d.billable), p.declared_on, "
                     + "s.patient_identifier_kind, s.patient_identifier, s.patient_number FROM stay_day d JOIN stay_period p ON p.stay_id = d.stay_id "
                     + "AND p.number = d.period_number JOIN stay s ON s.id = d.stay_id GROUP BY d.stay_id, d.period_number, d.year, d.month, "
                     + "d.paying_municipality, d.residence_municipality, d.service_area, d.hospital, p.declared_on, s.patient_identifier_kind, "
                     + "s.patient_identifier, s.patient_number")) {
            while (r.next()) {
                UUID stay = r.getObject(1, UUID.class);
                String age = ageGroup(r.getString(12), r.getString(13), r.getObject(11, LocalDate.class));
                String careLevel = careLevels.computeIfAbsent(stay, this::careLevel);
                stayMonths.add(String.join(" ", stay.toString(), r.getString(2), r.getString(3), r.getString(4), age, r.getString(5),
                        r.getString(6), r.getString(7), r.getString(8), careLevel, r.getString(9), r.getString(10), r.getString(14)));
                long[] sums = months.computeIfAbsent(String.join(" ", r.getString(5), r.getString(3), r.getString(4), r.getString(6),
                        r.getString(7), age), key -> new long[2]);
                sums[0] += r.getLong(9);
                sums[1] += r.getLong(10);
            }
        }
        List<String> openPeriods = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery("SELECT p.stay_id, p.declared_on, s.patient_identifier_kind, s.patient_identifier "
                     + "FROM stay_period p JOIN stay s ON s.id = p.stay_id WHERE p.ended_on IS NULL")) {
            while (r.next()) {
                openPeriods.add(r.getString(1) + " " + ageGroup(r.getString(3), r.getString(4), r.getObject(2, LocalDate.class)));
            }
        }
        List<String> monthLines = new ArrayList<>();
        months.forEach((key, sums) -> monthLines.add(key + " " + sums[0] + " " + sums[1]));
        return new Aggregates(stayMonths.stream().sorted().toList(), monthLines.stream().sorted().toList(),
                openPeriods.stream().sorted().toList());
    }

    private static String ageGroup(String kind, String identifier, LocalDate on) {
        PersonIdentifier patient = new PersonIdentifier(PersonIdentifier.Kind.valueOf(kind.toUpperCase().replace('-', '_')), identifier);
        return PatientAgeGroup.of(patient.birthDate().orElse(null), on);
    }

    private String careLevel(UUID stay) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            DischargeDestination destination = null;
            for (StayHistory.Effective effective : StayHistory.effective(codec.recorded(StayEventRow.ofStay(stay)))) {
                if (effective.event() instanceof StayEvent.Discharged discharged) {
                    destination = discharged.destination();
                }
            }
            return CareLevel.ofDestination(destination).map(CareLevel::code).orElse("null");
        });
    }
}
