package no.samhandling.discharge.web;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;

/** Deletes stored Idempotency-Key answers (they may hold a patient's data) after {@code discharge.web.idempotency-retention}. */
@ApplicationScoped
public class IdempotencyRetention {

    private static final Logger LOG = Logger.getLogger(IdempotencyRetention.class);

    private final EntityManager entityManager;
    private final WebConfig config;
    private final Clock clock;

    IdempotencyRetention(EntityManager entityManager, WebConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${discharge.messaging.retention-interval:1h}", delayed = "1m", identity = "idempotency-retention",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            removeExpired();
        } catch (RuntimeException e) {
            LOG.warnf("Idempotency retention run failed, the next one tries again: %s", e.toString());
        }
    }

    /** @return how many stored answers were removed */
    @Transactional
    public int removeExpired() {
        return entityManager.createNativeQuery("DELETE FROM idempotency_record WHERE created_at < :before")
                .setParameter("before", clock.instant().minus(config.idempotencyRetention())).executeUpdate();
    }
}
