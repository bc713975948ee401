package no.samhandling.discharge.capacity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import no.samhandling.discharge.security.AuditLog;
import no.samhandling.discharge.stay.DischargeReadinessEnded;

import java.time.Clock;
import java.util.List;

/**
 * A patient who is no longer discharge-ready (discharged, withdrawn, declaration cancelled) gives up the pool
 * bed: the allocation that runs on that day ends on it, a reservation that has not begun is cancelled. Runs
 * in the transaction of the stay event (a synchronous CDI event fired by stay, which knows nothing of beds),
 * so the stay event and the end of its allocation are committed together, from REST and from messages alike.
 */
@ApplicationScoped
class AllocationEnding {

    private final AuditLog audit;
    private final CapacityReports reports;
    private final Clock clock;

    AllocationEnding(AuditLog audit, CapacityReports reports, Clock clock) {
        this.audit = audit;
        this.reports = reports;
        this.clock = clock;
    }

    void onReadinessEnded(@Observes DischargeReadinessEnded ended) {
        List<BedAllocation> running = BedAllocation.list("stayId = ?1 and cancelled = false and (through is null or through > ?2)",
                ended.stayId(), ended.on());
        for (BedAllocation allocation : running) {
            allocation.end(ended.on(), ended.reason().code(), clock.instant(), ended.caller().principal());
        }
        if (!running.isEmpty()) {
            BedAllocation.flush();
            audit.record(ended.caller(), "end-bed-allocation", ended.stayId());
            running.stream().map(a -> a.poolId).distinct().forEach(reports::poolChanged);
        }
    }
}
