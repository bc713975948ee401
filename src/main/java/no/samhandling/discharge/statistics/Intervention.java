package no.samhandling.discharge.statistics;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A measure (tiltak) of one municipality or one health partnership, from a start date. Deleted ones keep their row. */
@Entity
@Table(name = "intervention")
public class Intervention extends PanacheEntityBase {

    @Id
    public UUID id;

    public String municipality;

    @Column(name = "health_partnership")
    public String healthPartnership;

    public String title;

    public String description;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "deleted_by")
    public String deletedBy;

    @Version
    public long version;
}
