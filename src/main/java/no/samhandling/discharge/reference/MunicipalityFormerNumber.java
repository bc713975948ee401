package no.samhandling.discharge.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A number a municipality had before a county or municipal merger, kept so history stays comparable. */
@Entity
@Table(name = "municipality_former_number")
public class MunicipalityFormerNumber extends PanacheEntityBase {

    @Id
    @Column(name = "former_number")
    public String formerNumber;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "municipality_number")
    public Municipality municipality;

    @Column(name = "valid_from_year")
    public int validFromYear;

    @Column(name = "valid_to_year")
    public int validToYear;
}
