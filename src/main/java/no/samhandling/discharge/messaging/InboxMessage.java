package no.samhandling.discharge.messaging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An inbound message by its MessageHeader.id, and the acknowledgement it got. */
@Entity
@Table(name = "inbox_message")
public class InboxMessage extends PanacheEntityBase {

    @Id
    @Column(name = "message_id")
    public String messageId;

    public String topic;

    @Column(name = "event_code")
    public String eventCode;

    public String sender;

    @Column(name = "stay_id")
    public UUID stayId;

    public String outcome;

    @Column(name = "ack_message_id")
    public UUID ackMessageId;

    @Column(name = "ack_payload")
    public String ackPayload;

    @Column(name = "received_at")
    public Instant receivedAt;
}
