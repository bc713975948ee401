package no.samhandling.discharge.stay;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import no.samhandling.discharge.codes.Coded;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** A stored discharge-ready period ({@code stay_period}): its {@link PeriodFacts}, rules version and the event that changed it. */
@Entity
@Table(name = "stay_period")
public class StayPeriodRow extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "stay_id")
    public UUID stayId;

    public int number;

    @Column(name = "declared_on")
    public LocalDate declaredOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "notice_on")
    public LocalDate noticeOn;

    @Column(name = "municipality_ready_on")
    public LocalDate municipalityReadyOn;

    @Column(name = "not_billable_because")
    public String notBillableBecause;

    public String needs;

    @Column(name = "can_receive")
    public Boolean canReceive;

    @Column(name = "ready_from")
    public LocalDate readyFrom;

    @Column(name = "expected_ready_on")
    public LocalDate expectedReadyOn;

    public String offer;

    @Column(name = "rules_version")
    public String rulesVersion;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "computed_at")
    public Instant computedAt;

    static StayPeriodRow of(UUID stayId, PeriodFacts facts, String rulesVersion, UUID eventId, Instant computedAt) {
        StayPeriodRow row = new StayPeriodRow();
        row.id = UUID.randomUUID();
        row.stayId = stayId;
        row.number = facts.number();
        row.declaredOn = facts.declaredOn();
        row.endedOn = facts.endedOn();
        row.noticeOn = facts.noticeOn();
        row.municipalityReadyOn = facts.municipalityReadyOn();
        row.notBillableBecause = facts.notBillableBecause().stream().map(NonBillableReason::code).collect(Collectors.joining(","));
        row.needs = facts.needs();
        row.canReceive = facts.canReceive();
        row.readyFrom = facts.readyFrom();
        row.expectedReadyOn = facts.expectedReadyOn();
        row.offer = facts.offer();
        row.rulesVersion = rulesVersion;
        row.eventId = eventId;
        row.computedAt = computedAt;
        return row;
    }

    PeriodFacts facts() {
        List<NonBillableReason> reasons = notBillableBecause.isEmpty() ? List.of() : Arrays.stream(notBillableBecause.split(","))
                .map(code -> Coded.find(NonBillableReason.class, code).orElseThrow(() -> new IllegalStateException("unknown reason " + code)))
                .toList();
        return new PeriodFacts(number, declaredOn, endedOn, noticeOn, municipalityReadyOn, reasons, needs, canReceive, readyFrom,
                expectedReadyOn, offer);
    }
}
