package no.samhandling.discharge.stay;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A hospital stay's current state; its history is in {@link StayEventRow}. */
@Entity
@Table(name = "stay")
public class Stay extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "patient_identifier_kind")
    public String patientIdentifierKind;

    /** Personal data: never in a URL, log line, metric, Kafka key or exception message. */
    @Column(name = "patient_identifier")
    public String patientIdentifier;

    /** The hospital trust's organisation number. */
    public String hospital;

    public String ward;

    @Column(name = "service_area")
    public String serviceArea;

    @Column(name = "residence_municipality")
    public String residenceMunicipality;

    @Column(name = "paying_municipality")
    public String payingMunicipality;

    public String status;

    @Column(name = "admitted_at")
    public Instant admittedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** From the latest admission notice in force (§ 8), for the work list; null without one. */
    @Column(name = "expected_discharge_date")
    public java.time.LocalDate expectedDischargeDate;

    @Column(name = "expected_needs")
    public String expectedNeeds;

    /** The counting rules the stored figures ({@link StayPeriodRow}, {@code stay_day}) were made by. */
    @Column(name = "figures_rules_version")
    public String figuresRulesVersion;

    /** The patient's number for the statistics (V70): the same for every stay of the patient, given by {@link PatientNumbers}. */
    @Column(name = "patient_number")
    public long patientNumber;

    @Version
    public long version;

    @Override
    public String toString() {
        return "Stay[" + id + "]";
    }
}
