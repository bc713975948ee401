package no.samhandling.discharge.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code hospital.fhir.in} and {@code municipality.fhir.in}. A message that cannot be parsed or
 * fails validation is nacked, which sends it to the topic's {@code .dlq} with the reason in the
 * {@code dead-letter-reason} header; every other message is acknowledged to Kafka after its effect and
 * acknowledgement are committed. A failure on our side (the database away) is retried, then answered
 * transient-error.
 */
@ApplicationScoped
public class InboundConsumers {

    /** Tries before a failure on our side is answered transient-error: 0.5, 1 and 2 seconds apart. */
    private static final int ATTEMPTS = 4;

    private final InboundMessages inbound;

    InboundConsumers(InboundMessages inbound) {
        this.inbound = inbound;
    }

    @Incoming("municipality-fhir-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> fromMunicipality(Message<String> message) {
        return handle(message, "municipality.fhir.in", MunicipalityMessages.SOURCE);
    }

    @Incoming("hospital-fhir-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> fromHospital(Message<String> message) {
        return handle(message, "hospital.fhir.in", HospitalMessages.SOURCE);
    }

    private CompletionStage<Void> handle(Message<String> message, String topic, InboundMessages.Source source) {
        for (int attempt = 1; ; attempt++) {
            try {
                InboundMessages.Outcome outcome = inbound.handle(topic, message.getPayload(), source);
                return outcome.deadLetterReason()
                        .map(reason -> message.nack(new InvalidMessageException(reason)))
                        .orElseGet(message::ack);
            } catch (RuntimeException transientFailure) {
                if (attempt == ATTEMPTS) {
                    inbound.answerTransientFailure(message.getPayload(), transientFailure, source);
                    return message.ack();
                }
                pause(Duration.ofMillis(250L << attempt));
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Why a message went to the dead-letter topic; its message becomes the {@code dead-letter-reason} header. */
    static final class InvalidMessageException extends RuntimeException {
        InvalidMessageException(String reason) {
            super(reason, null, false, false);
        }
    }
}
