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

    @Column(name = "stay_id")
    public UUID stayId;

    @Column(name = "stay_event_id")
    public UUID stayEventId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;
}
