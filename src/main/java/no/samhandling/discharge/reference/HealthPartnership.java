package no.samhandling.discharge.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.List;

/** A health partnership (helsefellesskap): a hospital trust and its municipalities. */
@Entity
@Table(name = "health_partnership")
public class HealthPartnership extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @OneToMany(mappedBy = "healthPartnership")
    @OrderBy("number")
    public List<Municipality> members;
}
