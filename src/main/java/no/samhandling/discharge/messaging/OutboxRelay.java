package no.samhandling.discharge.messaging;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the outbox to Kafka. With several instances, one relays at a time: each run first takes a
 * transaction-scoped PostgreSQL advisory lock, so messages of one key leave in the order they were
 * written (two instances relaying in parallel could overtake each other). The run locks a batch of
 * unpublished messages ({@code FOR UPDATE}), sends them in order of creation through an idempotent
 * producer, waits for the broker's acknowledgement and marks them published in the same transaction.
 * A crash between the broker's acknowledgement and the commit can send a message again: receivers
 * deduplicate on MessageHeader.id.
 *
 * <p>A transaction that writes to the outbox wakes the relay when it commits, so a message leaves within
 * milliseconds; the schedule ({@code discharge.messaging.relay-interval}) catches what another instance
 * wrote and what failed before. All runs of one instance take turns on one thread, and wakes that
 * arrive while a run is waiting to start are folded into it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock that makes one instance at a time the relay (an arbitrary, fixed number). */
    static final long RELAY_LOCK = 0x0d15c4a2_6e0b0c01L;

    private final OutboxProducer producer;
    private final EntityManager entityManager;
    private final MessagingConfig config;
    private final MessagingMetrics metrics;
    private final Clock clock;
    /** One thread for all runs of this instance; at most one run waits, the wakes meanwhile fold into it. */
    private final ThreadPoolExecutor relayThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1), runnable -> new Thread(runnable, "outbox-relay"), new ThreadPoolExecutor.DiscardPolicy());

    OutboxRelay(OutboxProducer producer, EntityManager entityManager,
                MessagingConfig config, MessagingMetrics metrics, Clock clock) {
        this.producer = producer;
        this.entityManager = entityManager;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(every = "${discharge.messaging.relay-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "outbox-relay")
    void poll() {
        wake();
    }

    /**
     * Asks for a run soon. A wake while a run is queued is dropped: the queued run starts after the
     * waker's commit and sees its messages.
     */
    void wake() {
        if (!relayThread.isShutdown()) {
            relayThread.execute(this::relayLogged);
        }
    }

    /** No more runs once the service stops: the database may already be gone. */
    void stop(@Observes ShutdownEvent shutdown) {
        relayThread.shutdown();
    }

    private void relayLogged() {
        try {
            relay();
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay run failed, the next one tries again: %s", e.toString());
        }
    }

    @ActivateRequestContext
    void relay() {
        int published;
        do {
            published = publishBatch();
        } while (published == config.relayBatchSize());
    }

    /** @return how many messages were published */
    @Transactional
    int publishBatch() {
        boolean relayer = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK).getSingleResult();
        if (!relayer) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<OutboxMessage> batch = entityManager.createNativeQuery("""
                        SELECT * FROM outbox_message WHERE published_at IS NULL
                        ORDER BY created_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""", OutboxMessage.class)
                .setParameter("limit", config.relayBatchSize())
                .getResultList();
        // All of the batch goes to the producer at once and is then awaited in order: the idempotent
        // producer keeps the order within a partition, and a failed send fails those queued behind it
        // in its partition too, so what is marked published never overtakes what is not.
        List<Future<RecordMetadata>> sends = batch.stream().map(message -> producer.send(record(message))).toList();
        int published = 0;
        for (int i = 0; i < batch.size(); i++) {
            OutboxMessage message = batch.get(i);
            message.attempts++;
            try {
                sends.get(i).get();
                message.publishedAt = clock.instant();
                metrics.sent(message.eventCode);
                metrics.outboxDelay(Duration.between(message.createdAt, message.publishedAt));
                published++;
            } catch (ExecutionException e) {
                message.lastError = truncate(e.getCause().toString());
                LOG.warnf("Outbox row %s not published yet (attempt %d): %s", message.id, message.attempts, e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Outbox relay interrupted (shutting down)", e);
            }
        }
        return published;
    }

    private static ProducerRecord<String, String> record(OutboxMessage message) {
        return FhirRecords.producerRecord(message.topic, message.messageKey, message.messageId, message.eventCode, message.payload);
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
