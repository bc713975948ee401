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
        OutboxMessage message = new OutboxMessage();
        message.id = facts.messageId();
        message.topic = config.municipalityOutTopic();
        message.messageKey = facts.payingMunicipality();
        message.eventCode = facts.event().code();
        message.payload = builder.json(facts);
        message.stayId = facts.stayId();
        message.stayEventId = stayEventId;
        message.createdAt = clock.instant();
        message.persist();
    }

    /** The message sent for a stay event (original or correction), to refer to when it is corrected or cancelled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> messageFor(UUID stayEventId) {
        return OutboxMessage.<OutboxMessage>find("stayEventId", stayEventId).firstResultOptional().map(m -> m.id);
    }
}
