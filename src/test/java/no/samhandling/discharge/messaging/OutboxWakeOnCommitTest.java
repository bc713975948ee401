package no.samhandling.discharge.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** With the relay's schedule switched off, a committed change still leaves: its commit wakes the relay. */
@QuarkusTest
@TestProfile(OutboxWakeOnCommitTest.NoSchedule.class)
class OutboxWakeOnCommitTest {

    public static class NoSchedule implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("discharge.messaging.relay-interval", "off");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theCommitOfAChangeWakesTheRelay() throws Exception {
        String stay = OutboxRelayTest.stayWithAdmissionNotice("1871");
        assertThat(messages(UUID.fromString(stay), false)).as("the admission notice is in the outbox").isEqualTo(1);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (messages(UUID.fromString(stay), true) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(messages(UUID.fromString(stay), true)).as("published without any scheduled run").isEqualTo(1);
    }

    private long messages(UUID stay, boolean published) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM outbox_message WHERE subject = ?"
                     + (published ? " AND published_at IS NOT NULL" : ""))) {
            query.setString(1, stay.toString());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
