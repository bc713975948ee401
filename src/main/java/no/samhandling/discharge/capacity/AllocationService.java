package no.samhandling.discharge.capacity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.capacity.AllocationViews.AllocateBed;
import no.samhandling.discharge.capacity.AllocationViews.AllocationView;
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
    private final Clock clock;

    AllocationService(StayQueries stays, StayEvents stayEvents, Clock clock) {
        this.stays = stays;
        this.stayEvents = stayEvents;
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
        BedStatus status = PoolService.status(bed);
        if (!status.canBeAllocated()) {
            throw new ProblemException(ProblemType.CONFLICT, "Bed " + bed.label + " is " + status.code()
                    + " and cannot be given to a patient. Choose a free bed, or ask the pool's administrator to free this one.");
        }
        Allocations.inTheWay(request, booked("bedId", bed.id)).ifPresent(existing -> {
            throw bedTaken(bed, existing);
        });
        Allocations.inTheWay(request, booked("stayId", stay.id())).ifPresent(existing -> {
            throw patientHasABed(existing);
        });

        BedAllocation allocation = new BedAllocation();
        allocation.id = UUID.randomUUID();
        allocation.poolId = pool.id;
        allocation.bedId = bed.id;
        allocation.stayId = stay.id();
        allocation.municipality = stay.payingMunicipality();
        allocation.from = request.from();
        allocation.through = request.through();
        allocation.allocatedAt = clock.instant();
        allocation.allocatedBy = caller.principal();
        try {
            allocation.persistAndFlush();
        } catch (PersistenceException e) {
            throw raceLost(e, bed, stay.id(), request);
        }
        StayView answered = stayEvents.record(caller, stay.id(), OptionalLong.empty(), new StayEvent.MunicipalityAnswered(clock.instant(), true,
                request.from(), null, "Bed pool " + pool.name + ", bed " + bed.label));
        return new AllocationView(allocation.id, pool.id, pool.name, bed.id, bed.label, stay.id(), allocation.municipality, allocation.from,
                allocation.through, allocation.allocatedAt, allocation.allocatedBy, answered.status());
    }

    private static List<Allocations.Booked> booked(String column, UUID id) {
        return BedAllocation.<BedAllocation>list(column, id).stream().map(a -> new Allocations.Booked(a.id, a.from, a.through)).toList();
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
