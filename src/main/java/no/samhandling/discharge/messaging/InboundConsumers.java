package no.samhandling.discharge.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code hospital.fhir.in} and {@code municipality.fhir.in}. A message that cannot be parsed,
 * fails validation or is refused is nacked, which sends it to the topic's {@code .dlq} with the reason in
 * the {@code dead-letter-reason} header; every other message is acknowledged to Kafka after its effect
 * and acknowledgement are committed.
 *
 * <p>A failure of the infrastructure (the database away, a timeout) is retried with back-off; after
 * {@code discharge.messaging.inbound-attempts} tries the sender is answered transient-error straight to
 * Kafka and the record is committed (the sender sends it again). If that answer cannot be sent either,
 * the record is not committed: the consumer keeps trying, with back-off up to
 * {@code inbound-max-back-off}, so the message is never dropped. Meanwhile its partition waits, which
 * keeps one patient's messages in order.
 */
@ApplicationScoped
public class InboundConsumers {

    private static final Logger LOG = Logger.getLogger(InboundConsumers.class);

    private final InboundMessages inbound;
    private final MessagingConfig config;
    private final MessagingMetrics metrics;

    InboundConsumers(InboundMessages inbound, MessagingConfig config, MessagingMetrics metrics) {
        this.inbound = inbound;
        this.config = config;
        this.metrics = metrics;
    }

    @Incoming("municipality-fhir-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> fromMunicipality(Message<String> message) {
        return handle(message, InboundChannel.MUNICIPALITY);
    }

    @Incoming("hospital-fhir-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> fromHospital(Message<String> message) {
        return handle(message, InboundChannel.HOSPITAL);
    }

    private CompletionStage<Void> handle(Message<String> message, InboundChannel channel) {
        long started = System.nanoTime();
        message.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(kafka -> metrics.step("wait",
                Math.max(0, Duration.between(kafka.getTimestamp(), Instant.now()).toNanos())));
        try {
            return handleWithRetries(message, channel);
        } finally {
            metrics.step("total", System.nanoTime() - started);
        }
    }

    private CompletionStage<Void> handleWithRetries(Message<String> message, InboundChannel channel) {
        Duration backOff = config.inboundFirstBackOff();
        for (int attempt = 1; ; attempt++) {
            try {
                InboundMessages.Outcome outcome = inbound.handle(channel, message.getPayload());
                return outcome.deadLetterReason()
                        .map(reason -> message.nack(new InvalidMessageException(reason)))
                        .orElseGet(message::ack);
            } catch (RuntimeException failure) {
                if (!Failures.transientInfrastructure(failure)) {
                    // A failure outside the handler's transaction that is not the infrastructure's: keep the message.
                    LOG.errorf(failure, "Inbound message on %s could not be handled; sent to the dead-letter topic", channel.topic());
                    return message.nack(new InvalidMessageException("Could not be handled: " + failure));
                }
                if (attempt >= config.inboundAttempts() && inbound.answerTransientFailure(channel, message.getPayload(), failure)) {
                    return message.ack();
                }
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("Inbound message on %s not handled (attempt %d), trying again in %s: %s", channel.topic(), attempt,
                            backOff, failure.toString());
                }
                if (!pause(backOff)) {
                    // Shutting down: neither acked nor nacked, so never committed; the next consumer gets it again.
                    return new CompletableFuture<>();
                }
                backOff = min(backOff.multipliedBy(2), config.inboundMaxBackOff());
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Why a message went to the dead-letter topic; its message becomes the {@code dead-letter-reason} header. */
    static final class InvalidMessageException extends RuntimeException {
        InvalidMessageException(String reason) {
            super(reason, null, false, false);
        }
    }
}
