package no.samhandling.discharge.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.util.Objects;
import java.time.Instant;

/** Who entered one municipality's population figures for a year, and from which source. */
@Entity
@Table(name = "population_year")
@IdClass(PopulationYear.Key.class)
public class PopulationYear extends PanacheEntityBase {

    @Id
    @Column(name = "municipality_number")
    public String municipalityNumber;

    @Id
    public int year;

    public String source;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public long version;

    /** Composite key (JPA needs a mutable class here). */
    public static class Key implements Serializable {
        public String municipalityNumber;
        public int year;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(municipalityNumber, other.municipalityNumber) && Objects.equals(year, other.year);
        }

        @Override
        public int hashCode() {
            return Objects.hash(municipalityNumber, year);
        }
    }
}
