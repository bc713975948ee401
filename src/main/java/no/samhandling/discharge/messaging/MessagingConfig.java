package no.samhandling.discharge.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the messaging capability ({@code discharge.messaging.*}); see README's configuration table. */
@ConfigMapping(prefix = "discharge.messaging")
public interface MessagingConfig {

    /** Topic of the messages to municipal systems. */
    @WithDefault("municipality.fhir.out")
    String municipalityOutTopic();

    /** Topic of the messages (acknowledgements, the municipalities' answers) to hospital systems. */
    @WithDefault("hospital.fhir.out")
    String hospitalOutTopic();

    /** Topic of the capacity reports (MeasureReports of bed pools and municipal receiving capacity) for the region. */
    @WithDefault("capacity.fhir.out")
    String capacityOutTopic();

    /** How often the outbox relay looks for messages to publish (read by its schedule). */
    @WithDefault("1s")
    String relayInterval();

    /** How many outbox messages the relay publishes in one transaction. */
    @WithDefault("100")
    int relayBatchSize();

    /**
     * The longest a relay run waits for Kafka inside its database transaction: for metadata on each send
     * (the producer's max.block.ms) and for the broker's acknowledgements of the batch.
     */
    @WithDefault("PT5S")
    Duration relaySendTimeout();

    /** After this many refusals by Kafka (not counting the broker being away) a record is quarantined. */
    @WithDefault("5")
    int relayQuarantineAfter();

    /** Tries of an inbound message while the infrastructure fails, before the sender is answered transient-error. */
    @WithDefault("4")
    int inboundAttempts();

    /** The first pause between those tries; each next one is twice as long, up to {@link #inboundMaxBackOff()}. */
    @WithDefault("PT0.5S")
    Duration inboundFirstBackOff();

    @WithDefault("PT30S")
    Duration inboundMaxBackOff();

    /** Published outbox messages are deleted after this (they hold the patient's identifier). */
    @WithDefault("P7D")
    Duration outboxRetention();

    /**
     * Inbox rows (and their stored acknowledgements) are deleted after this. It must be longer than any
     * sender's resend window: a message resent after it is taken as new. Stated in the message guide.
     */
    @WithDefault("P30D")
    Duration inboxRetention();

    /** The messaging health group (not readiness) is DOWN when the oldest unpublished message is older than this. */
    @WithDefault("PT2M")
    Duration relayStuckAfter();
}
