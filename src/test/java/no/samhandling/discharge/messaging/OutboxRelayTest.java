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

/** One instance relays at a time: while another holds the relay lock, nothing is published; then all is. */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void whileAnotherInstanceRelaysThisOneWaitsAndNothingIsLost() throws Exception {
        String ward = TestTokens.ward("983974899");
        try (Connection otherInstance = dataSource.getConnection()) {
            lock(otherInstance, "pg_advisory_lock");
            String stay = given().auth().oauth2(ward).contentType(ContentType.JSON)
                    .body(Map.of("patientIdentifier", TestPatients.fodselsnummer(), "ward", "5B", "serviceArea", "somatic",
                            "residenceMunicipality", "1870", "admittedAt", "2025-04-01T10:00:00+02:00"))
                    .when().post("/stays").then().statusCode(201).extract().path("id");
            given().auth().oauth2(ward).contentType(ContentType.JSON)
                    .body(Map.of("sentAt", "2025-04-01T12:00:00+02:00", "expectedNeeds", "Hjemmesykepleie"))
                    .when().post("/stays/" + stay + "/admission-notice").then().statusCode(200);
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

    private static void lock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, OutboxRelay.RELAY_LOCK);
            statement.execute();
        }
    }

    private long unpublished(UUID stay) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM outbox_message WHERE stay_id = ? AND published_at IS NULL")) {
            query.setObject(1, stay);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
