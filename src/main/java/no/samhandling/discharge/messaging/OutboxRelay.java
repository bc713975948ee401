package no.samhandling.discharge.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the outbox to Kafka. With several instances, one relays at a time: each run first takes a
 * transaction-scoped PostgreSQL advisory lock. A run takes a batch of unpublished messages in the order
 * of their sequence (commit order per key, {@link OutboundMessages}), sends them through an idempotent
 * producer, waits for the broker's acknowledgements and marks them published in the same transaction.
 * A crash between the broker's acknowledgement and the commit can send a message again: receivers
 * deduplicate on MessageHeader.id.
 *
 * <p>The transaction never waits on Kafka longer than {@code relay-send-timeout} per send for metadata
 * and once more for the acknowledgements; when the broker is away the first failed send ends the run's
 * sending, so a batch costs one timeout, not one per message. Each try is counted and its error kept
 * (committed, since the run itself succeeds). A message that fails stops the later messages of its key
 * in that run. A record Kafka refuses itself (too large, invalid topic) {@code relay-quarantine-after}
 * times is quarantined: set aside, counted, listed for administrators, who may release it, and it no
 * longer holds back anything after it. The broker being away never quarantines anything.
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

    /**
     * Sends that had not completed when their run stopped waiting, by outbox row: the producer may still
     * deliver them. A later run does not send such a record again while its send is pending (that would put
     * it on the topic twice once the broker is back), and marks it published if the pending send succeeded.
     * Only the relay thread uses it.
     */
    private final Map<UUID, Future<RecordMetadata>> inFlight = new ConcurrentHashMap<>();

    OutboxRelay(OutboxProducer producer, EntityManager entityManager, MessagingConfig config, MessagingMetrics metrics, Clock clock) {
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
        Run run;
        do {
            run = publishBatch();
        } while (run.fullBatchPublished(config.relayBatchSize()));
    }

    /** What one run did. */
    record Run(int taken, int published) {
        boolean fullBatchPublished(int batchSize) {
            return taken == batchSize && published == taken;
        }
    }

    @Transactional
    Run publishBatch() {
        boolean relayer = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK).getSingleResult();
        if (!relayer) {
            return new Run(0, 0);
        }
        @SuppressWarnings("unchecked")
        List<OutboxMessage> batch = entityManager.createNativeQuery("""
                        SELECT * FROM outbox_message WHERE published_at IS NULL AND quarantined_at IS NULL
                        ORDER BY sequence LIMIT :limit FOR UPDATE SKIP LOCKED""", OutboxMessage.class)
                .setParameter("limit", config.relayBatchSize())
                .getResultList();
        List<OutboxMessage> sent = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        Set<String> stoppedKeys = new HashSet<>();
        Set<UUID> taken = new HashSet<>();
        for (OutboxMessage message : batch) {
            taken.add(message.id);
            if (stoppedKeys.contains(message.topic + '\u0000' + message.messageKey)) {
                continue;
            }
            Future<RecordMetadata> pending = inFlight.get(message.id);
            if (pending != null && !pending.isDone()) {
                // An earlier send of it may still arrive: neither it nor anything after it of its key goes now.
                stoppedKeys.add(message.topic + '\u0000' + message.messageKey);
                continue;
            }
            if (pending != null && !failed(pending)) {
                // An earlier send arrived after its run stopped waiting: published, not sent again.
                inFlight.remove(message.id);
                sent.add(message);
                sends.add(pending);
                continue;
            }
            inFlight.remove(message.id);
            Future<RecordMetadata> send = producer.send(record(message));
            if (send.isDone() && failed(send)) {
                // Refused before it left (no metadata within the bound, too large): nothing after it of its key goes.
                stoppedKeys.add(message.topic + '\u0000' + message.messageKey);
                boolean brokerAway = !record(message, send);
                if (brokerAway) {
                    break;
                }
                continue;
            }
            sent.add(message);
            sends.add(send);
        }
        long deadline = System.nanoTime() + config.relaySendTimeout().toNanos();
        int published = 0;
        for (int i = 0; i < sent.size(); i++) {
            OutboxMessage message = sent.get(i);
            boolean arrived = sends.get(i).isDone() && !failed(sends.get(i));
            if (stoppedKeys.contains(message.topic + '\u0000' + message.messageKey) && !arrived) {
                // One of its key failed: it may still reach the broker; left unpublished, looked at again next run.
                message.attempts++;
                keepIfPending(message, sends.get(i));
                continue;
            }
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                inFlight.remove(message.id);
                message.attempts++;
                message.publishedAt = clock.instant();
                metrics.sent(message.eventCode);
                metrics.outboxDelay(Duration.between(message.createdAt, message.publishedAt));
                published++;
            } catch (ExecutionException | TimeoutException e) {
                stoppedKeys.add(message.topic + '\u0000' + message.messageKey);
                record(message, sends.get(i));
                keepIfPending(message, sends.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Outbox relay interrupted (shutting down)", e);
            }
        }
        // Rows another instance published, or an administrator released, meanwhile: nothing to wait for.
        inFlight.entrySet().removeIf(entry -> entry.getValue().isDone() && !taken.contains(entry.getKey()));
        return new Run(batch.size(), published);
    }

    private void keepIfPending(OutboxMessage message, Future<RecordMetadata> send) {
        if (!send.isDone()) {
            inFlight.put(message.id, send);
        }
    }

    private static boolean failed(Future<RecordMetadata> send) {
        try {
            send.get(0, TimeUnit.NANOSECONDS);
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * Counts a failed try and keeps its error; quarantines the record after too many refusals.
     *
     * @return whether Kafka refused the record itself (false: the broker is away or not reachable in time)
     */
    private boolean record(OutboxMessage message, Future<RecordMetadata> send) {
        Throwable error = failure(send);
        message.attempts++;
        message.lastError = truncate(error.toString());
        boolean refusal = !(error instanceof RetriableException || error instanceof TimeoutException
                || error instanceof AuthenticationException || error instanceof AuthorizationException);
        if (refusal) {
            message.refusals++;
            if (message.refusals >= config.relayQuarantineAfter()) {
                message.quarantinedAt = clock.instant();
                metrics.quarantined();
                LOG.warnf("Outbox message %s (%s to %s) quarantined after %d refusals: %s. An administrator can release it "
                        + "(POST /outbox/quarantine/%s/release).", message.id, message.eventCode, message.topic, message.refusals,
                        error.getMessage(), message.id);
                return true;
            }
        }
        LOG.warnf("Outbox message %s not published yet (attempt %d): %s", message.id, message.attempts, error.getMessage());
        return refusal;
    }

    private static Throwable failure(Future<RecordMetadata> send) {
        try {
            send.get(0, TimeUnit.NANOSECONDS);
            return new IllegalStateException("no failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return new org.apache.kafka.common.errors.TimeoutException("The broker did not acknowledge the record in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private static ProducerRecord<String, String> record(OutboxMessage message) {
        return FhirRecords.producerRecord(message.topic, message.messageKey, message.messageId, message.eventCode, message.payload);
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
