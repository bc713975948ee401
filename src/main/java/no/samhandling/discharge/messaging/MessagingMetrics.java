package no.samhandling.discharge.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Messages in and out by event code, acknowledgements by code, dead letters, time per step, and the outbox's backlog. */
@ApplicationScoped
public class MessagingMetrics {

    private final MeterRegistry registry;

    MessagingMetrics(MeterRegistry registry, OutboxBacklog backlog) {
        this.registry = registry;
        Gauge.builder("discharge.outbox.pending", backlog, OutboxBacklog::pending)
                .description("Outgoing messages not yet published to Kafka")
                .register(registry);
        Gauge.builder("discharge.outbox.quarantined", backlog, OutboxBacklog::quarantined)
                .description("Outgoing messages Kafka refused too often, set aside until an administrator releases them")
                .register(registry);
        Gauge.builder("discharge.outbox.lag.seconds", backlog, b -> b.oldestPendingAge().toMillis() / 1000.0)
                .description("Age of the oldest outgoing message not yet published")
                .register(registry);
    }

    void received(String eventCode) {
        Counter.builder("discharge.messages.in").tag("event", eventCode)
                .description("FHIR messages received from Kafka, by event code")
                .register(registry).increment();
    }

    void acknowledged(String code) {
        Counter.builder("discharge.acknowledgements").tag("code", code)
                .description("Acknowledgements sent, by response code")
                .register(registry).increment();
    }

    void duplicate() {
        Counter.builder("discharge.messages.duplicates").description("Inbound messages received again (same MessageHeader.id)")
                .register(registry).increment();
    }

    void deadLetter() {
        Counter.builder("discharge.messages.dead.letters").description("Inbound messages sent to a dead-letter topic")
                .register(registry).increment();
    }

    /** Time spent on one step of handling an inbound message: parse, inbox (duplicate check), validation, apply (effect and acknowledgement). */
    void step(String step, long nanos) {
        // With a histogram: bursts of slow messages show in the high percentiles, which a mean hides.
        Timer.builder("discharge.messages.in.step").tag("step", step)
                .description("Time to handle an inbound message, by step (wait: from the record's timestamp until handling "
                        + "starts; parse, inbox, validation, apply; total: all of handling)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** From an outgoing message's commit to the outbox until the broker has it. */
    void outboxDelay(Duration delay) {
        Timer.builder("discharge.outbox.delay")
                .description("Time from writing an outgoing message to the outbox until Kafka has it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(delay);
    }

    void quarantined() {
        Counter.builder("discharge.outbox.quarantines").description("Outgoing messages set aside after too many refusals by Kafka")
                .register(registry).increment();
    }

    void sent(String eventCode) {
        Counter.builder("discharge.messages.out").tag("event", eventCode)
                .description("FHIR messages published to Kafka, by event code")
                .register(registry).increment();
    }
}
