package no.samhandling.discharge.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Published outbox rows and inbox rows past their retention are removed; rows inside it, and unpublished ones, are kept. */
@QuarkusTest
class MessagingRetentionTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MessagingRetention retention;

    @Inject
    no.samhandling.discharge.web.IdempotencyRetention idempotency;

    /** Stored Idempotency-Key answers are removed after a day; younger ones are kept for retries. */
    @Test
    void idempotencyRecordsPastTheirPeriodAreGone() throws SQLException {
        String old = "retention-old-" + UUID.randomUUID();
        String recent = "retention-recent-" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            for (String[] row : new String[][] {{old, "now() - interval '25 hours'"}, {recent, "now() - interval '1 hour'"}}) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_record (principal, tenant, method, path, "
                        + "idempotency_key, request_hash, response_status, response_body, created_at) VALUES ('retention-test', '', 'POST', "
                        + "'/stays', ?, 'h', 201, '{}', " + row[1] + ")")) {
                    insert.setString(1, row[0]);
                    insert.executeUpdate();
                }
            }
        }
        assertThat(idempotency.removeExpired()).isPositive();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT idempotency_key FROM idempotency_record WHERE principal = 'retention-test'")) {
            try (ResultSet rows = query.executeQuery()) {
                java.util.List<String> keys = new java.util.ArrayList<>();
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
                assertThat(keys).contains(recent).doesNotContain(old);
            }
        }
    }

    @Test
    void rowsPastTheirPeriodAreGoneAndRowsInsideItAreKept() throws SQLException {
        UUID publishedLongAgo = outbox("now() - interval '8 days'", "now() - interval '8 days'");
        UUID publishedYesterday = outbox("now() - interval '1 day'", "now() - interval '1 day'");
        UUID unpublishedLongAgo = outbox("now() - interval '9 days'", "NULL");
        UUID inboxLongAgo = inbox("now() - interval '31 days'");
        UUID inboxLastWeek = inbox("now() - interval '7 days'");
        try {
            MessagingRetention.Removed removed = retention.removeExpired();
            assertThat(removed.outboxMessages()).isPositive();
            assertThat(removed.inboxMessages()).isPositive();
            assertThat(exists("outbox_message", publishedLongAgo)).as("published 8 days ago (retention 7 days)").isFalse();
            assertThat(exists("outbox_message", publishedYesterday)).as("published yesterday").isTrue();
            assertThat(exists("outbox_message", unpublishedLongAgo)).as("never published: never deleted").isTrue();
            assertThat(exists("inbox_message", inboxLongAgo)).as("received 31 days ago (retention 30 days)").isFalse();
            assertThat(exists("inbox_message", inboxLastWeek)).as("received last week").isTrue();
        } finally {
            delete("outbox_message", publishedYesterday);
            delete("outbox_message", unpublishedLongAgo);
            delete("inbox_message", inboxLastWeek);
        }
    }

    private UUID outbox(String createdAt, String publishedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        // An unpublished row to a topic nobody may create holds nothing back: other keys pass it.
        String topic = publishedAt.equals("NULL") ? "retention test, never sent!" : "municipality.fhir.out";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO outbox_message (id, message_id, topic, message_key, event_code, payload, created_at, published_at, sequence,"
                             + " quarantined_at) VALUES (?, ?, ?, 'retention-test', 'admission-notice', '{}', " + createdAt + ", " + publishedAt
                             + ", nextval('outbox_sequence'), " + (publishedAt.equals("NULL") ? "now()" : "NULL") + ")")) {
            insert.setObject(1, id);
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, topic);
            insert.executeUpdate();
        }
        return id;
    }

    private UUID inbox(String receivedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO inbox_message (id, message_id, topic, sender, outcome, ack_message_id, ack_payload, received_at)"
                             + " VALUES (?, ?, 'municipality.fhir.in', '1873', 'ok', ?, '{}', " + receivedAt + ")")) {
            insert.setObject(1, id);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setObject(3, UUID.randomUUID());
            insert.executeUpdate();
        }
        return id;
    }

    private boolean exists(String table, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1) == 1;
            }
        }
    }

    private void delete(String table, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            delete.setObject(1, id);
            delete.executeUpdate();
        }
    }
}
