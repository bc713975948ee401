package no.samhandling.discharge.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/** Not ready while the outbox relay is stuck: the oldest unpublished message is older than the limit. */
@Readiness
@ApplicationScoped
public class OutboxRelayHealthCheck implements HealthCheck {

    private final OutboxBacklog backlog;
    private final MessagingConfig config;

    OutboxRelayHealthCheck(OutboxBacklog backlog, MessagingConfig config) {
        this.backlog = backlog;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Duration lag = backlog.oldestPendingAge();
        return HealthCheckResponse.named("Outbox relay")
                .status(lag.compareTo(config.relayStuckAfter()) <= 0)
                .withData("oldestUnpublishedSeconds", lag.toSeconds())
                .withData("limitSeconds", config.relayStuckAfter().toSeconds())
                .build();
    }
}
