package no.samhandling.discharge.capacity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One published figure: a municipality's places at one care level on one day. Append-only. */
@Entity
@Table(name = "capacity_figure")
public class CapacityFigureRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "capacity_figure_seq")
    @SequenceGenerator(name = "capacity_figure_seq", sequenceName = "capacity_figure_seq", allocationSize = 1)
    public Long id;

    @Column(name = "publication_id")
    public UUID publicationId;

    public String municipality;

    @Column(name = "care_level")
    public String careLevel;

    @Column(name = "capacity_date")
    public LocalDate date;

    @Column(name = "total_places")
    public Integer totalPlaces;

    @Column(name = "occupied_places")
    public Integer occupiedPlaces;

    @Column(name = "available_places")
    public int availablePlaces;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_via")
    public String publishedVia;

    @Column(name = "source_message_id")
    public String sourceMessageId;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
