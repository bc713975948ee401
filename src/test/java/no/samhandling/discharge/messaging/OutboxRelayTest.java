package no.samhandling.discharge.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import no.samhandling.discharge.testsupport.TestPatients;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One instance relays at a time: while another holds the relay lock, nothing is published; then all is.
 * A message Kafka refuses stays unpublished, with its error, and holds back none written after it.
 */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void whileAnotherInstanceRelaysThisOneWaitsAndNothingIsLost() throws Exception {
        try (Connection otherInstance = dataSource.getConnection()) {
            lock(otherInstance, "pg_advisory_lock");
            String stay = stayWithAdmissionNotice("1870");
            Thread.sleep(Duration.ofSeconds(3));
            assertThat(unpublished(UUID.fromString(stay))).as("held back while another instance relays").isEqualTo(1);

            lock(otherInstance, "pg_advisory_unlock");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (unpublished(UUID.fromString(stay)) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(unpublished(UUID.fromString(stay))).as("published once the lock is free").isZero();
        }
    }

    @Test
    void aMessageKafkaRefusesStaysUnpublishedWithItsErrorAndHoldsNoOtherBack() throws Exception {
        UUID refused = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO outbox_message (id, message_id, topic, message_key, event_code, payload, created_at, sequence)"
                             + " VALUES (?, ?, 'not a valid topic!', '1870', 'admission-notice', '{}', now(), nextval('outbox_sequence'))")) {
            insert.setObject(1, refused);
            insert.setObject(2, UUID.randomUUID());
            insert.executeUpdate();
        }
        try {
            String stay = stayWithAdmissionNotice("1870");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (unpublished(UUID.fromString(stay)) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(unpublished(UUID.fromString(stay))).as("the message written after the refused one is published").isZero();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement query = connection.prepareStatement(
                         "SELECT published_at, attempts, last_error FROM outbox_message WHERE id = ?")) {
                query.setObject(1, refused);
                try (ResultSet row = query.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getObject("published_at")).as("never marked published").isNull();
                    assertThat(row.getInt("attempts")).isPositive();
                    assertThat(row.getString("last_error")).contains("InvalidTopic");
                }
            }
        } finally {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_message WHERE id = ?")) {
                delete.setObject(1, refused);
                delete.executeUpdate();
            }
        }
    }

    /** A stay registered by a ward and its admission notice sent: one message for the municipality in the outbox. */
    static String stayWithAdmissionNotice(String municipality) {
        String ward = TestTokens.ward("983974899");
        String stay = given().auth().oauth2(ward).contentType(ContentType.JSON)
                .body(Map.of("patientIdentifier", TestPatients.fodselsnummer(), "ward", "5B", "serviceArea", "somatic",
                        "residenceMunicipality", municipality, "admittedAt", "2025-04-01T10:00:00+02:00"))
                .when().post("/stays").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ward).contentType(ContentType.JSON)
                .body(Map.of("sentAt", "2025-04-01T12:00:00+02:00", "expectedNeeds", "Hjemmesykepleie"))
                .when().post("/stays/" + stay + "/admission-notice").then().statusCode(200);
        return stay;
    }

    private static void lock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, OutboxRelay.RELAY_LOCK);
            statement.execute();
        }
    }

    private long unpublished(UUID stay) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM outbox_message WHERE subject = ? AND published_at IS NULL")) {
            query.setString(1, stay.toString());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
