package no.samhandling.discharge.messaging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An inbound message by its topic, sender and MessageHeader.id, with a fingerprint of its content and the
 * acknowledgement it got.
 */
@Entity
@Table(name = "inbox_message")
public class InboxMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    public String topic;

    public String sender;

    @Column(name = "message_id")
    public String messageId;

    @Column(name = "bundle_id")
    public String bundleId;

    /** SHA-256 of the message as sent, without Bundle.id, Bundle.meta and Bundle.timestamp (which a resend may change). */
    public String fingerprint;

    @Column(name = "event_code")
    public String eventCode;

    /** What the message was about (a stay id), when the handler could tell. */
    public String subject;

    public String outcome;

    @Column(name = "ack_message_id")
    public UUID ackMessageId;

    @Column(name = "ack_payload")
    public String ackPayload;

    @Column(name = "received_at")
    public Instant receivedAt;
}
