package no.samhandling.discharge.stay;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One recorded event of a stay: an original, a correction or a cancellation. Append-only. */
@Entity
@Table(name = "stay_event")
public class StayEventRow extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "stay_id")
    public UUID stayId;

    public int sequence;

    /** original, correction or cancellation. */
    public String kind;

    /** The event type's code; for a cancellation, the type of the cancelled event. */
    public String type;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    public UUID replaces;

    public UUID cancels;

    public String reason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** MessageHeader.id of the message that told the municipality about this event, if one did. */
    @Column(name = "message_id")
    public UUID messageId;

    /** MessageHeader.id of the inbound message that reported this event, if it came by message. */
    @Column(name = "source_message_id")
    public String sourceMessageId;

    /** A new row of the given kind, with who recorded it and when; the caller fills in the event's data. */
    static StayEventRow next(UUID stayId, int sequence, String kind, Instant recordedAt, String recordedBy) {
        StayEventRow row = new StayEventRow();
        row.id = UUID.randomUUID();
        row.stayId = stayId;
        row.sequence = sequence;
        row.kind = kind;
        row.recordedAt = recordedAt;
        row.recordedBy = recordedBy;
        return row;
    }

    public static List<StayEventRow> ofStay(UUID stayId) {
        return list("stayId = ?1 order by sequence", stayId);
    }
}
