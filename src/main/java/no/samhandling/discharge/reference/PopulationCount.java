package no.samhandling.discharge.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** Inhabitants of one age group in one municipality on 1 January of a year. */
@Entity
@Table(name = "population")
@IdClass(PopulationCount.Key.class)
public class PopulationCount extends PanacheEntityBase {

    @Id
    @Column(name = "municipality_number")
    public String municipalityNumber;

    @Id
    public int year;

    @Id
    @Column(name = "age_group")
    public String ageGroup;

    public int inhabitants;

    /** Composite key (JPA needs a mutable class here). */
    public static class Key implements Serializable {
        public String municipalityNumber;
        public int year;
        public String ageGroup;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(municipalityNumber, other.municipalityNumber) && Objects.equals(year, other.year) && Objects.equals(ageGroup, other.ageGroup);
        }

        @Override
        public int hashCode() {
            return Objects.hash(municipalityNumber, year, ageGroup);
        }
    }
}
