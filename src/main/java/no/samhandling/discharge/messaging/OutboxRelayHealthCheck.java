package no.samhandling.discharge.messaging;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.Duration;

/**
 * The outbox in the messaging health group ({@code /q/health/group/messaging}), not in readiness: while
 * the relay cannot publish, wards and intake teams keep working and their messages wait in the outbox.
 * DOWN when the oldest unpublished message is older than the limit, or when any is quarantined.
 */
@HealthGroup(MessagingHealth.GROUP)
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
        long quarantined = backlog.quarantined();
        return HealthCheckResponse.named("Outbox relay")
                .status(lag.compareTo(config.relayStuckAfter()) <= 0 && quarantined == 0)
                .withData("oldestUnpublishedSeconds", lag.toSeconds())
                .withData("limitSeconds", config.relayStuckAfter().toSeconds())
                .withData("quarantined", quarantined)
                .build();
    }
}
