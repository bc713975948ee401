package no.samhandling.discharge.capacity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A flexible bed pool: who runs it, which municipalities use it, and their quotas. Its beds are {@link Bed}s. */
@Entity
@Table(name = "bed_pool")
public class BedPool extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    /** The care level of its beds (BEON), for matching. */
    @Column(name = "care_level")
    public String careLevel = CareLevel.SHORT_TERM_BED.code();

    @ElementCollection
    @CollectionTable(name = "bed_pool_operator", joinColumns = @JoinColumn(name = "pool_id"))
    public List<Operator> operators = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "bed_pool_participant", joinColumns = @JoinColumn(name = "pool_id"))
    @Column(name = "municipality")
    public Set<String> participants = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "bed_pool_quota", joinColumns = @JoinColumn(name = "pool_id"))
    public List<Quota> quotas = new ArrayList<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Version
    public long version;

    /** A hospital trust (organisation number) or a municipality (number) running the pool. */
    @Embeddable
    public static class Operator {
        public String hospital;
        public String municipality;
    }

    /** Bed-days a participating municipality may use in a period. */
    @Embeddable
    public static class Quota {
        public String municipality;
        @Column(name = "from_date")
        public LocalDate from;
        @Column(name = "through_date")
        public LocalDate through;
        @Column(name = "bed_days")
        public int bedDays;
    }
}
