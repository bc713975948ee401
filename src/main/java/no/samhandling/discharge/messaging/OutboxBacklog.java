package no.samhandling.discharge.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** How far behind the outbox relay is, and what it has set aside. */
@ApplicationScoped
public class OutboxBacklog {

    private final EntityManager entityManager;
    private final Clock clock;

    OutboxBacklog(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Messages waiting to be published (quarantined ones not counted). */
    @Transactional
    public long pending() {
        return count("published_at IS NULL AND quarantined_at IS NULL");
    }

    @Transactional
    public long quarantined() {
        return count("published_at IS NULL AND quarantined_at IS NOT NULL");
    }

    @Transactional
    public Duration oldestPendingAge() {
        Object oldest = entityManager.createNativeQuery(
                "SELECT min(created_at) FROM outbox_message WHERE published_at IS NULL AND quarantined_at IS NULL").getSingleResult();
        if (oldest == null) {
            return Duration.ZERO;
        }
        Instant created = oldest instanceof OffsetDateTime time ? time.toInstant() : (Instant) oldest;
        return Duration.between(created, clock.instant());
    }

    private long count(String where) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM outbox_message WHERE " + where).getSingleResult()).longValue();
    }
}
