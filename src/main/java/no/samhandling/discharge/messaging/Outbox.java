package no.samhandling.discharge.messaging;

import jakarta.enterprise.context.ApplicationScoped;
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

    private final FhirMessageBuilder builder;
    private final MessagingConfig config;
    private final Clock clock;

    Outbox(FhirMessageBuilder builder, MessagingConfig config, Clock clock) {
        this.builder = builder;
        this.config = config;
        this.clock = clock;
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
    }

    /** The message sent for a stay event (original or correction), to refer to when it is corrected or cancelled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> messageFor(UUID stayEventId) {
        return OutboxMessage.<OutboxMessage>find("stayEventId", stayEventId).firstResultOptional().map(m -> m.messageId);
    }
}
