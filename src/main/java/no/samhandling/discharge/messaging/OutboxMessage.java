package no.samhandling.discharge.messaging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An outgoing message waiting for (or done with) the relay. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    /** MessageHeader.id of the message. */
    @Column(name = "message_id")
    public UUID messageId;

    public String topic;

    @Column(name = "message_key")
    public String messageKey;

    @Column(name = "event_code")
    public String eventCode;

    public String payload;

    /** What the message is about (a stay id), for administrators; never personal data. */
    public String subject;

    /** Its place in the order of publication: drawn after the topic-and-key lock (see {@link OutboundMessages}). */
    public long sequence;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** How many times Kafka refused this record itself (not counting the broker being away). */
    public int refusals;

    /** Set aside after too many refusals: held back no longer, published only when an administrator releases it. */
    @Column(name = "quarantined_at")
    public Instant quarantinedAt;
}
