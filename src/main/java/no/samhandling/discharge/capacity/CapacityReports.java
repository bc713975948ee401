package no.samhandling.discharge.capacity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.messaging.FhirNames;
import no.samhandling.discharge.messaging.OutboundMessages;
import no.samhandling.discharge.messaging.OutboundTopic;
import no.samhandling.discharge.reference.Municipality;
import no.samhandling.discharge.time.OsloTime;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Queues a capacity report for the region (outbox, in the transaction of the change): a pool's beds today after
 * any change of its beds or allocations, keyed by the pool's id; a municipality's published receiving capacity
 * for the days published, keyed by its number. Each report stands alone: a consumer keeps the latest per key.
 */
@ApplicationScoped
class CapacityReports {

    private final OutboundMessages outbound;
    private final Clock clock;

    CapacityReports(OutboundMessages outbound, Clock clock) {
        this.outbound = outbound;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void poolChanged(UUID poolId) {
        BedPool pool = BedPool.findById(poolId);
        LocalDate today = OsloTime.today(clock);
        PoolCapacity.Summary summary = PoolService.summary(poolId, today);
        BedPool.Operator operator = pool.operators.getFirst();
        CapacityReportMessages.Party reporter = operator.hospital != null
                ? new CapacityReportMessages.Party(FhirNames.ORGANISATION_NUMBER, operator.hospital, null)
                : new CapacityReportMessages.Party(FhirNames.MUNICIPALITY_NUMBER, operator.municipality, null);
        CapacityReportMessages.Party subject = new CapacityReportMessages.Party(CapacityReportMessages.POOL_ID, pool.id.toString(), pool.name);
        var report = CapacityReportMessages.report(clock.instant(), subject, reporter, today, today,
                List.of(new CapacityReportMessages.Counts(PoolService.careLevel(pool), summary.beds(), summary.occupied(), summary.free())));
        outbound.send(report, OutboundTopic.CAPACITY, pool.id.toString(), pool.id.toString());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void municipalityPublished(CapacityService.Publication publication) {
        String name = Municipality.findByCurrentOrFormerNumber(publication.municipality()).map(m -> m.name).orElse(null);
        CapacityReportMessages.Party municipality = new CapacityReportMessages.Party(FhirNames.MUNICIPALITY_NUMBER, publication.municipality(), name);
        List<CapacityReportMessages.Counts> groups = publication.figures().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new CapacityReportMessages.Counts(e.getKey(), e.getValue().total(), e.getValue().occupied(), e.getValue().available()))
                .toList();
        var report = CapacityReportMessages.report(clock.instant(), municipality, municipality, publication.from(), publication.through(), groups);
        outbound.send(report, OutboundTopic.CAPACITY, publication.municipality(), publication.municipality());
    }
}
