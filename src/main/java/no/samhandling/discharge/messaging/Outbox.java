package no.samhandling.discharge.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes outgoing messages in the transaction of the change that caused them: no state change without
 * its message, no message without its change. {@link OutboxRelay} publishes them.
 */
@ApplicationScoped
public class Outbox {

    /** Marks a transaction that will wake the relay when it commits (once, however many messages it writes). */
    private static final Object WAKES_RELAY = new Object();

    private final FhirMessageBuilder builder;
    private final MessagingConfig config;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(FhirMessageBuilder builder, MessagingConfig config, Clock clock, TransactionSynchronizationRegistry transactions,
           OutboxRelay relay) {
        this.builder = builder;
        this.config = config;
        this.clock = clock;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Queues a message to the paying municipality, keyed by its municipality number. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void toMunicipality(StayMessageFacts facts, UUID stayEventId) {
        enqueue(facts.messageId(), config.municipalityOutTopic(), facts.payingMunicipality(), facts.event().code(),
                builder.json(facts), facts.stayId(), stayEventId);
    }

    /** Queues a message already built (an acknowledgement), for the given topic and key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(UUID messageId, String topic, String key, String eventCode, String payload, UUID stayId, UUID stayEventId) {
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.messageId = messageId;
        message.topic = topic;
        message.messageKey = key;
        message.eventCode = eventCode;
        message.payload = payload;
        message.stayId = stayId;
        message.stayEventId = stayEventId;
        message.createdAt = clock.instant();
        message.persist();
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

    /** The message sent for a stay event (original or correction), to refer to when it is corrected or cancelled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> messageFor(UUID stayEventId) {
        return OutboxMessage.<OutboxMessage>find("stayEventId", stayEventId).firstResultOptional().map(m -> m.messageId);
    }
}
