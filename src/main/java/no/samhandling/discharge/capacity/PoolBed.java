package no.samhandling.discharge.capacity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A bed of a pool, with its operational status (HL7 v2 table 0116). Whether it is taken on a day comes from its allocations. */
@Entity
@Table(name = "bed")
public class PoolBed extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "pool_id")
    public UUID poolId;

    public String label;

    public String status;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public long version;
}
