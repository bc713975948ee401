package no.samhandling.discharge.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A hospital trust (helseforetak), identified by its organisation number. */
@Entity
@Table(name = "hospital_trust")
public class HospitalTrust extends PanacheEntityBase {

    @Id
    @Column(name = "organisation_number")
    public String organisationNumber;

    public String name;
}
