package no.samhandling.discharge.capacity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An option an intake team chose for a patient (append-only): a receiving-capacity place or a pool bed (its allocation). */
@Entity
@Table(name = "care_option_choice")
public class CareOptionChoice extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "stay_id")
    public UUID stayId;

    public String municipality;

    public String source;

    @Column(name = "care_level")
    public String careLevel;

    @Column(name = "from_date")
    public LocalDate from;

    @Column(name = "pool_id")
    public UUID poolId;

    @Column(name = "allocation_id")
    public UUID allocationId;

    @Column(name = "chosen_at")
    public Instant chosenAt;

    @Column(name = "chosen_by")
    public String chosenBy;
}
