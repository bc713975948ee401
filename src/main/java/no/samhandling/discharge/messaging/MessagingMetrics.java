package no.samhandling.discharge.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Messages out by event code, and the outbox's backlog. */
@ApplicationScoped
public class MessagingMetrics {

    private final MeterRegistry registry;

    MessagingMetrics(MeterRegistry registry, OutboxBacklog backlog) {
        this.registry = registry;
        Gauge.builder("discharge.outbox.pending", backlog, OutboxBacklog::pending)
                .description("Outgoing messages not yet published to Kafka")
                .register(registry);
        Gauge.builder("discharge.outbox.lag.seconds", backlog, b -> b.oldestPendingAge().toMillis() / 1000.0)
                .description("Age of the oldest outgoing message not yet published")
                .register(registry);
    }

    void sent(String eventCode) {
        Counter.builder("discharge.messages.out").tag("event", eventCode)
                .description("FHIR messages published to Kafka, by event code")
                .register(registry).increment();
    }
}
