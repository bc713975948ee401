package no.samhandling.discharge.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * A record Kafka refuses again and again is set aside after {@code relay-quarantine-after} refusals:
 * counted, shown in the messaging health group, listed for administrators, and released by them.
 */
@QuarkusTest
class OutboxQuarantineTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRecordRefusedFiveTimesIsQuarantinedListedAndReleasable() throws Exception {
        UUID refused = UUID.randomUUID();
        insertToAnInvalidTopic(refused);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!quarantined(refused) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(quarantined(refused)).as("set aside after its refusals").isTrue();
            assertThat(refusals(refused)).isEqualTo(5);

            given().auth().oauth2(TestTokens.admin()).when().get("/outbox/quarantine").then().statusCode(200)
                    .body("id", hasItem(refused.toString()))
                    .body("find { it.id == '" + refused + "' }.lastError", org.hamcrest.Matchers.containsString("InvalidTopic"))
                    .body("find { it.id == '" + refused + "' }.payload", org.hamcrest.Matchers.nullValue());
            given().when().get("/q/health/group/messaging").then().statusCode(503)
                    .body("checks.find { it.name == 'Outbox relay' }.status", equalTo("DOWN"));
            given().auth().oauth2(TestTokens.ward("983974899")).when().get("/outbox/quarantine").then().statusCode(403);

            given().auth().oauth2(TestTokens.admin()).when().post("/outbox/quarantine/" + refused + "/release").then().statusCode(200)
                    .body("refusals", equalTo(0))
                    .body("quarantinedAt", org.hamcrest.Matchers.nullValue());
            given().auth().oauth2(TestTokens.admin()).when().post("/outbox/quarantine/" + UUID.randomUUID() + "/release").then()
                    .statusCode(404);
        } finally {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_message WHERE id = ?")) {
                delete.setObject(1, refused);
                delete.executeUpdate();
            }
        }
        given().auth().oauth2(TestTokens.admin()).when().get("/outbox/quarantine").then().statusCode(200)
                .body("id", not(hasItem(refused.toString())));
    }

    private void insertToAnInvalidTopic(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO outbox_message (id, message_id, topic, message_key, event_code, payload, created_at, sequence)"
                             + " VALUES (?, ?, 'no such topic!', '1872', 'admission-notice', '{}', now(), nextval('outbox_sequence'))")) {
            insert.setObject(1, id);
            insert.setObject(2, UUID.randomUUID());
            insert.executeUpdate();
        }
    }

    private boolean quarantined(UUID id) throws SQLException {
        return query(id, "quarantined_at IS NOT NULL") == 1;
    }

    private int refusals(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT refusals FROM outbox_message WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private int query(UUID id, String condition) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM outbox_message WHERE id = ? AND " + condition)) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
