package no.samhandling.discharge.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** How far behind the outbox relay is. */
@ApplicationScoped
public class OutboxBacklog {

    private final EntityManager entityManager;
    private final Clock clock;

    OutboxBacklog(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public long pending() {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM outbox_message WHERE published_at IS NULL")
                .getSingleResult()).longValue();
    }

    @Transactional
    public Duration oldestPendingAge() {
        Object oldest = entityManager.createNativeQuery("SELECT min(created_at) FROM outbox_message WHERE published_at IS NULL")
                .getSingleResult();
        if (oldest == null) {
            return Duration.ZERO;
        }
        Instant created = oldest instanceof OffsetDateTime time ? time.toInstant() : (Instant) oldest;
        return Duration.between(created, clock.instant());
    }
}
