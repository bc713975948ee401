package no.samhandling.discharge.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Optional;

/** A municipality (kommune), identified by its 4-character municipality number (kommunenummer). */
@Entity
@Table(name = "municipality")
public class Municipality extends PanacheEntityBase {

    @Id
    public String number;

    public String name;

    public String county;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "hospital_trust")
    public HospitalTrust hospitalTrust;

    @Column(name = "local_hospital_area")
    public String localHospitalArea;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "health_partnership")
    public HealthPartnership healthPartnership;

    @Column(name = "partnership_membership_confirmed")
    public boolean partnershipMembershipConfirmed;

    @OneToMany(mappedBy = "municipality")
    @OrderBy("formerNumber")
    public List<MunicipalityFormerNumber> formerNumbers;

    /** By current number, or by a former number (e.g. 5401 Tromsø before 2024). */
    public static Optional<Municipality> findByCurrentOrFormerNumber(String number) {
        Optional<Municipality> current = findByIdOptional(number);
        if (current.isPresent()) {
            return current;
        }
        return MunicipalityFormerNumber.<MunicipalityFormerNumber>findByIdOptional(number).map(former -> former.municipality);
    }
}
