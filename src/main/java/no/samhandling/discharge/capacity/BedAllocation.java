package no.samhandling.discharge.capacity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A bed given to a patient (a stay) from a day through a day, or until discharge when {@code through} is absent. */
@Entity
@Table(name = "bed_allocation")
public class BedAllocation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "pool_id")
    public UUID poolId;

    @Column(name = "bed_id")
    public UUID bedId;

    @Column(name = "stay_id")
    public UUID stayId;

    public String municipality;

    @Column(name = "from_date")
    public LocalDate from;

    @Column(name = "through_date")
    public LocalDate through;

    @Column(name = "allocated_at")
    public Instant allocatedAt;

    @Column(name = "allocated_by")
    public String allocatedBy;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "ended_by")
    public String endedBy;

    /** discharged, withdrawn, declaration-cancelled or moved; absent while it runs as allocated. */
    @Column(name = "end_reason")
    public String endReason;

    /** A reservation ended before its first day: kept for the history, holding no bed. */
    public boolean cancelled;

    @Column(name = "moved_to")
    public UUID movedTo;

    @Version
    public long version;

    /** Ends the allocation on {@code lastDay}, or cancels it when that is before its first day. */
    void end(LocalDate lastDay, String reason, Instant at, String by) {
        if (lastDay.isBefore(from)) {
            cancelled = true;
        } else {
            through = lastDay;
        }
        endedAt = at;
        endedBy = by;
        endReason = reason;
    }
}
