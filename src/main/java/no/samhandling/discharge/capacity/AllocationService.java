package no.samhandling.discharge.capacity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.capacity.AllocationViews.AllocateBed;
import no.samhandling.discharge.capacity.AllocationViews.AllocationView;
import no.samhandling.discharge.capacity.AllocationViews.MoveBed;
import no.samhandling.discharge.security.AuditLog;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.stay.StayEvent;
import no.samhandling.discharge.stay.StayEvents;
import no.samhandling.discharge.stay.StayQueries;
import no.samhandling.discharge.stay.StayViews.StayView;
import no.samhandling.discharge.time.OsloTime;
import no.samhandling.discharge.web.Problem;
import no.samhandling.discharge.web.ProblemException;
import no.samhandling.discharge.web.ProblemType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Gives a pool bed to a discharge-ready patient. In one transaction: the allocation, and the paying
 * municipality's answer under § 11 (can receive from the first day, offer: the bed pool) through the stay's
 * normal path, so the stay event and the message to the hospital follow. Two allocations of one bed never
 * overlap: checked here for a clear answer, and by the database's exclusion constraint for requests that race.
 */
@ApplicationScoped
public class AllocationService {

    static final String BED_OVERLAP = "bed_allocation_bed_overlap";
    static final String STAY_OVERLAP = "bed_allocation_stay_overlap";

    private final StayQueries stays;
    private final StayEvents stayEvents;
    private final CapacityReports reports;
    private final AuditLog audit;
    private final Clock clock;

    AllocationService(StayQueries stays, StayEvents stayEvents, CapacityReports reports, AuditLog audit, Clock clock) {
        this.stays = stays;
        this.stayEvents = stayEvents;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public AllocationView allocate(Caller caller, UUID poolId, UUID bedId, AllocateBed command) {
        BedPool pool = PoolService.pool(poolId);
        PoolService.bed(pool.id, bedId);
        // Shared lock: allocations of the bed may proceed together, a status change waits for them (and they for it).
        PoolBed bed = PoolBed.findById(bedId, LockModeType.PESSIMISTIC_READ);
        LocalDate today = OsloTime.today(clock);
        Allocations.Request request = new Allocations.Request(command.from(), command.through());
        Optional<String> rangeProblem = Allocations.rangeProblem(request, today);
        if (rangeProblem.isPresent()) {
            throw ProblemException.invalid(List.of(new Problem.FieldError(request.from().isBefore(today) ? "from" : "through", rangeProblem.get())));
        }
        StayView stay = stays.read(caller, command.stayId());
        if (!pool.participants.contains(stay.payingMunicipality())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The patient's municipality (" + stay.payingMunicipality()
                    + ") does not take part in the bed pool " + pool.name + ": choose a pool it takes part in.");
        }
        requireAllocatable(bed);
        Allocations.inTheWay(request, booked("bedId", bed.id)).ifPresent(existing -> {
            throw bedTaken(bed, existing);
        });
        Allocations.inTheWay(request, booked("stayId", stay.id())).ifPresent(existing -> {
            throw patientHasABed(existing);
        });
        requireWithinQuota(pool, stay.payingMunicipality(), bookedDays(pool.id, stay.payingMunicipality(), null), request);

        BedAllocation allocation = store(caller, pool, bed, stay.id(), stay.payingMunicipality(), request);
        StayView answered = stayEvents.record(caller, stay.id(), OptionalLong.empty(), new StayEvent.MunicipalityAnswered(clock.instant(), true,
                request.from(), null, "Bed pool " + pool.name + ", bed " + bed.label));
        reports.poolChanged(pool.id);
        return view(allocation, pool, bed, answered);
    }

    /**
     * Moves the patient to another bed of the pool from a day: the allocation ends the day before (or, when the
     * move is on its first day, it is cancelled) and a new one in the other bed takes the rest of its days, in one
     * transaction. When the other bed cannot be given for those days, nothing changes.
     */
    @Transactional
    public AllocationView move(Caller caller, UUID poolId, UUID allocationId, MoveBed command) {
        BedPool pool = PoolService.pool(poolId);
        BedAllocation old = BedAllocation.findById(allocationId, LockModeType.PESSIMISTIC_WRITE);
        if (old == null || !old.poolId.equals(pool.id)) {
            throw ProblemException.notFound("The pool has no allocation with the id " + allocationId + ".");
        }
        StayView stay = stays.read(caller, old.stayId);
        PoolService.bed(pool.id, command.bedId());
        PoolBed bed = PoolBed.findById(command.bedId(), LockModeType.PESSIMISTIC_READ);
        if (old.endedAt != null) {
            throw new ProblemException(ProblemType.CONFLICT, "Allocation " + old.id + " has ended (" + old.endReason + ")"
                    + (old.movedTo == null ? "" : "; the patient's bed is now allocation " + old.movedTo) + ": there is nothing to move.");
        }
        Allocations.Request request = new Allocations.Request(command.from(), old.through);
        Optional<String> problem = Allocations.moveProblem(old.from, old.through, command.from(), OsloTime.today(clock));
        if (problem.isPresent()) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("from", problem.get())));
        }
        if (bed.id.equals(old.bedId)) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("bedId", "is the bed the patient has: choose another one")));
        }
        requireAllocatable(bed);
        Allocations.inTheWay(request, booked("bedId", bed.id)).ifPresent(existing -> {
            throw bedTaken(bed, existing);
        });
        List<Quotas.Days> booked = new java.util.ArrayList<>(bookedDays(pool.id, old.municipality, old.id));
        if (command.from().isAfter(old.from)) {
            booked.add(new Quotas.Days(old.from, command.from().minusDays(1)));
        }
        requireWithinQuota(pool, old.municipality, booked, request);

        old.end(command.from().minusDays(1), "moved", clock.instant(), caller.principal());
        BedAllocation.flush();
        BedAllocation moved = store(caller, pool, bed, old.stayId, old.municipality, request);
        old.movedTo = moved.id;
        BedAllocation.flush();
        audit.record(caller, "move-bed-allocation", old.stayId);
        reports.poolChanged(pool.id);
        return view(moved, pool, bed, stay);
    }

    private BedAllocation store(Caller caller, BedPool pool, PoolBed bed, UUID stayId, String municipality, Allocations.Request request) {
        BedAllocation allocation = new BedAllocation();
        allocation.id = UUID.randomUUID();
        allocation.poolId = pool.id;
        allocation.bedId = bed.id;
        allocation.stayId = stayId;
        allocation.municipality = municipality;
        allocation.from = request.from();
        allocation.through = request.through();
        allocation.allocatedAt = clock.instant();
        allocation.allocatedBy = caller.principal();
        try {
            allocation.persistAndFlush();
        } catch (PersistenceException e) {
            throw raceLost(e, bed, stayId, request);
        }
        return allocation;
    }

    private static AllocationView view(BedAllocation allocation, BedPool pool, PoolBed bed, StayView stay) {
        return new AllocationView(allocation.id, pool.id, pool.name, bed.id, bed.label, allocation.stayId, allocation.municipality,
                allocation.from, allocation.through, allocation.allocatedAt, allocation.allocatedBy, stay.status());
    }

    private static void requireAllocatable(PoolBed bed) {
        BedStatus status = PoolService.status(bed);
        if (!status.canBeAllocated()) {
            throw new ProblemException(ProblemType.CONFLICT, "Bed " + bed.label + " is " + status.code()
                    + " and cannot be given to a patient. Choose a free bed, or ask the pool's administrator to free this one.");
        }
    }

    /** Refuses days that would take the municipality over one of its quotas in the pool (409, naming quota, booked and requested). */
    private static void requireWithinQuota(BedPool pool, String municipality, List<Quotas.Days> booked, Allocations.Request request) {
        List<Quotas.Quota> quotas = pool.quotas.stream().filter(q -> q.municipality.equals(municipality))
                .map(q -> new Quotas.Quota(q.from, q.through, q.bedDays)).toList();
        Quotas.excess(quotas, booked, new Quotas.Days(request.from(), request.through())).ifPresent(excess -> {
            throw new ProblemException(ProblemType.CONFLICT, "Over the quota: " + municipality + " may use " + excess.quota().bedDays()
                    + " bed-days of the pool " + pool.name + " from " + excess.quota().from() + " through " + excess.quota().through()
                    + "; " + excess.used() + " are booked and these days would use " + excess.requested() + " more"
                    + (request.through() == null ? " (a bed until discharge counts to the end of the quota's period)" : "")
                    + ". Choose fewer days, or ask the pool's administrator about the quota.");
        });
    }

    /** The bed-days the municipality's patients have booked in the pool, but for one allocation (null: none left out). */
    private static List<Quotas.Days> bookedDays(UUID poolId, String municipality, UUID except) {
        return BedAllocation.<BedAllocation>list("poolId = ?1 and municipality = ?2 and cancelled = false", poolId, municipality).stream()
                .filter(a -> !a.id.equals(except)).map(a -> new Quotas.Days(a.from, a.through)).toList();
    }

    private static List<Allocations.Booked> booked(String column, UUID id) {
        return BedAllocation.<BedAllocation>list(column + " = ?1 and cancelled = false", id).stream()
                .map(a -> new Allocations.Booked(a.id, a.from, a.through)).toList();
    }

    /**
     * Another request for the bed (or the patient) committed first: the database refused ours. What is in the
     * way is committed, so a new transaction sees it and the answer can name it.
     */
    private static RuntimeException raceLost(PersistenceException e, PoolBed bed, UUID stayId, Allocations.Request request) {
        String constraint = constraintName(e);
        if (BED_OVERLAP.equals(constraint)) {
            return QuarkusTransaction.requiringNew().call(() -> Allocations.inTheWay(request, booked("bedId", bed.id))
                    .<RuntimeException>map(existing -> bedTaken(bed, existing)).orElse(e));
        }
        if (STAY_OVERLAP.equals(constraint)) {
            return QuarkusTransaction.requiringNew().call(() -> Allocations.inTheWay(request, booked("stayId", stayId))
                    .<RuntimeException>map(AllocationService::patientHasABed).orElse(e));
        }
        return e;
    }

    private static String constraintName(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation && violation.getConstraintName() != null) {
                return violation.getConstraintName();
            }
            String message = cause.getMessage();
            if (message != null && message.contains(BED_OVERLAP)) {
                return BED_OVERLAP;
            }
            if (message != null && message.contains(STAY_OVERLAP)) {
                return STAY_OVERLAP;
            }
        }
        return null;
    }

    private static ProblemException bedTaken(PoolBed bed, Allocations.Booked existing) {
        return new ProblemException(ProblemType.CONFLICT, "Bed " + bed.label + " is already given to another patient " + days(existing)
                + " (allocation " + existing.allocationId() + "). Choose another bed or other days.");
    }

    private static ProblemException patientHasABed(Allocations.Booked existing) {
        return new ProblemException(ProblemType.CONFLICT, "The patient already has a bed " + days(existing) + " (allocation "
                + existing.allocationId() + ").");
    }

    private static String days(Allocations.Booked booked) {
        return booked.through() == null ? "from " + booked.from() + " until discharge" : "from " + booked.from() + " through " + booked.through();
    }
}
