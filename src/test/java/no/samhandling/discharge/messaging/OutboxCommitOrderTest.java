package no.samhandling.discharge.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Messages of one key are numbered in the order their transactions commit: a second transaction for the
 * same key waits for the first to commit before it draws its number, so the relay, which publishes by
 * number, can never publish the later commit first. Another key does not wait.
 */
@QuarkusTest
class OutboxCommitOrderTest {

    @Inject
    OutboundMessages outbound;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSecondWriterOfTheSameKeyDrawsItsNumberAfterTheFirstCommits() throws Exception {
        String key = "order-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID otherKey = UUID.randomUUID();
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        // Threads of their own: the common pool may have a single thread on two cores, which would serialize the writers by itself.
        ExecutorService writers = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> firstWriter = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbound.send(message(first, key));
            firstWrote.countDown();
            await(releaseFirst);
        }), writers);
        assertThat(firstWrote.await(10, TimeUnit.SECONDS)).isTrue();

        QuarkusTransaction.requiringNew().run(() -> outbound.send(message(otherKey, "other-" + key)));
        AtomicBoolean firstVisibleToSecond = new AtomicBoolean();
        CompletableFuture<Void> secondWriter = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbound.send(message(second, key));
            firstVisibleToSecond.set(committed(first));
        }), writers);
        // Bounded wait, no timing measured: without the lock the second writer would be done well within it.
        assertThatThrownBy(() -> secondWriter.get(3, TimeUnit.SECONDS)).as("the second writer of the key waits while the first is open")
                .isInstanceOf(java.util.concurrent.TimeoutException.class);
        releaseFirst.countDown();
        firstWriter.get(10, TimeUnit.SECONDS);
        secondWriter.get(10, TimeUnit.SECONDS);
        writers.shutdown();

        assertThat(firstVisibleToSecond).as("when the second drew its number, the first had committed").isTrue();
        assertThat(sequence(first)).isLessThan(sequence(second));
        assertThat(sequence(otherKey)).as("another key did not wait for the first").isLessThan(sequence(second));
    }

    private boolean committed(UUID messageId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM outbox_message WHERE message_id = ?")) {
            query.setObject(1, messageId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutgoingMessage message(UUID id, String key) {
        // Published like any message, under keys no other test reads.
        return new OutgoingMessage(id, OutboundTopic.MUNICIPALITY, key, "admission-notice", "{}", null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long sequence(UUID messageId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT sequence FROM outbox_message WHERE message_id = ?")) {
            query.setObject(1, messageId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getLong(1);
            }
        }
    }
}
