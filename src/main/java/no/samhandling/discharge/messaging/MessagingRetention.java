package no.samhandling.discharge.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes what messaging no longer needs: published outbox messages (they carry the patient's
 * identifier) after {@code outbox-retention}, and inbox rows with their stored acknowledgements after
 * {@code inbox-retention}, which must outlast every sender's resend window (stated in the message
 * guide). Unpublished and quarantined outbox messages are never deleted.
 */
@ApplicationScoped
public class MessagingRetention {

    private static final Logger LOG = Logger.getLogger(MessagingRetention.class);

    private final EntityManager entityManager;
    private final MessagingConfig config;
    private final Clock clock;

    MessagingRetention(EntityManager entityManager, MessagingConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    /** What one clean-up removed. */
    public record Removed(int outboxMessages, int inboxMessages) {
    }

    @Scheduled(every = "${discharge.messaging.retention-interval:1h}", delayed = "1m", identity = "messaging-retention",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Removed removed = removeExpired();
            if (removed.outboxMessages() + removed.inboxMessages() > 0) {
                LOG.infof("Retention: removed %d published outbox messages and %d inbox messages", removed.outboxMessages(),
                        removed.inboxMessages());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Retention run failed, the next one tries again: %s", e.toString());
        }
    }

    @Transactional
    public Removed removeExpired() {
        Instant now = clock.instant();
        int outbox = entityManager.createNativeQuery("DELETE FROM outbox_message WHERE published_at IS NOT NULL AND published_at < :before")
                .setParameter("before", now.minus(config.outboxRetention())).executeUpdate();
        int inbox = entityManager.createNativeQuery("DELETE FROM inbox_message WHERE received_at < :before")
                .setParameter("before", now.minus(config.inboxRetention())).executeUpdate();
        return new Removed(outbox, inbox);
    }
}
