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

    /** Topic of the messages (acknowledgements) to hospital systems. */
    @WithDefault("hospital.fhir.out")
    String hospitalOutTopic();

    /** How often the outbox relay looks for messages to publish (read by its schedule). */
    @WithDefault("1s")
    String relayInterval();

    /** How many outbox messages the relay publishes in one transaction. */
    @WithDefault("100")
    int relayBatchSize();

    /** Readiness goes down when the oldest unpublished message is older than this: the relay is stuck. */
    @WithDefault("PT2M")
    Duration relayStuckAfter();
}
