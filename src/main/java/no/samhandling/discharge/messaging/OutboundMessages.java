package no.samhandling.discharge.messaging;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hl7.fhir.r4.model.Bundle;

import java.time.Clock;
import java.util.UUID;

/**
 * The outbound port: a capability queues a message in the transaction of the change that caused it
 * (transactional outbox: no change without its message, no message without its change), and
 * {@link OutboxRelay} publishes it.
 *
 * <p>Messages of one key leave in the order their transactions commit. Each write takes a
 * transaction-scoped lock on its topic and key before drawing its number from a database sequence, so a
 * second transaction for the same key draws its number only after the first has committed (or rolled
 * back); the relay publishes in the order of those numbers. A clock could not promise this: two
 * instances' clocks differ, and a transaction can commit long after it read the time.
 */
@ApplicationScoped
public class OutboundMessages {

    /** Marks a transaction that will wake the relay when it commits (once, however many messages it writes). */
    private static final Object WAKES_RELAY = new Object();

    private final FhirContext fhir;
    private final EntityManager entityManager;
    private final MessagingConfig config;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    OutboundMessages(FhirContext fhir, EntityManager entityManager, MessagingConfig config, Clock clock,
                     TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.fhir = fhir;
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Queues a FHIR message Bundle; its MessageHeader.id and event code are read from it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(Bundle message, OutboundTopic topic, String key, String subject) {
        var header = FhirEnvelope.header(message);
        send(new OutgoingMessage(UUID.fromString(header.getIdElement().getIdPart()), topic, key, header.getEventCoding().getCode(),
                fhir.newJsonParser().encodeResourceToString(message), subject));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void send(OutgoingMessage message) {
        String topic = message.topic().name(config);
        // One round trip: the lock first (the subquery), then the number.
        long sequence = ((Number) entityManager.createNativeQuery(
                        "SELECT nextval('outbox_sequence') FROM (SELECT pg_advisory_xact_lock(hashtext(:topic), hashtext(:key))) AS locked")
                .setParameter("topic", topic).setParameter("key", message.key()).getSingleResult()).longValue();
        OutboxMessage row = new OutboxMessage();
        row.id = UUID.randomUUID();
        row.messageId = message.messageId();
        row.topic = topic;
        row.messageKey = message.key();
        row.eventCode = message.eventCode();
        row.payload = message.payload();
        row.subject = message.subject();
        row.createdAt = clock.instant();
        row.sequence = sequence;
        row.persist();
        wakeRelayOnCommit();
    }

    private void wakeRelayOnCommit() {
        if (transactions.getResource(WAKES_RELAY) != null) {
            return;
        }
        transactions.putResource(WAKES_RELAY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
