package no.samhandling.discharge.capacity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.capacity.AllocationViews.AllocateBed;
import no.samhandling.discharge.capacity.AllocationViews.AllocationView;
import no.samhandling.discharge.capacity.CareOptionViews.ChooseOption;
import no.samhandling.discharge.capacity.CareOptionViews.ChosenView;
import no.samhandling.discharge.capacity.CareOptionViews.NeedView;
import no.samhandling.discharge.capacity.CareOptionViews.OptionView;
import no.samhandling.discharge.capacity.CareOptionViews.StayOptions;
import no.samhandling.discharge.capacity.CareOptionViews.WorkListOptions;
import no.samhandling.discharge.capacity.Matching.Option;
import no.samhandling.discharge.codes.Coded;
import no.samhandling.discharge.reference.Municipality;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.stay.StayEvent;
import no.samhandling.discharge.stay.StayEvents;
import no.samhandling.discharge.stay.StayPlanning;
import no.samhandling.discharge.stay.StayPlanning.PlanningFacts;
import no.samhandling.discharge.stay.StayStatus;
import no.samhandling.discharge.stay.StayViews.WorkListEntry;
import no.samhandling.discharge.stay.WorkList;
import no.samhandling.discharge.time.OsloTime;
import no.samhandling.discharge.web.Page;
import no.samhandling.discharge.web.PageRequest;
import no.samhandling.discharge.web.Problem;
import no.samhandling.discharge.web.ProblemException;
import no.samhandling.discharge.web.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Matching (BEON) on the database: for a patient, the options that fit from the paying municipality's receiving
 * capacity and the pools it takes part in, over the days searched; and choosing one, which answers the hospital
 * through the normal path (a pool bed: an allocation, which records the § 11 answer; a receiving-capacity place: the
 * § 11 answer "can receive" from that day, with the place as the offer).
 */
@ApplicationScoped
public class CareOptionsService {

    /** Days searched from today: two weeks, as the capacity endpoints show by default. */
    static final int DAYS_SEARCHED = CapacityService.DEFAULT_DAYS_SHOWN;
    static final String READ_ACTION = "read-care-options";

    private final StayPlanning planning;
    private final WorkList workList;
    private final StayEvents stayEvents;
    private final AllocationService allocations;
    private final CapacityConfig config;
    private final EntityManager entityManager;
    private final Clock clock;

    CareOptionsService(StayPlanning planning, WorkList workList, StayEvents stayEvents, AllocationService allocations, CapacityConfig config,
                       EntityManager entityManager, Clock clock) {
        this.planning = planning;
        this.workList = workList;
        this.stayEvents = stayEvents;
        this.allocations = allocations;
        this.config = config;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The places of a municipality and its pools' beds, day by day over the days searched: what every patient is matched against. */
    record Supply(LocalDate from, LocalDate through, List<Option> candidates) {
    }

    /** What fits one patient: the need read from the stated needs, the first day searched, the options best first. */
    record Fit(NeedView need, LocalDate earliest, List<Option> options) {
    }

    @Transactional
    public StayOptions forStay(Caller caller, UUID stayId) {
        return stayOptions(planning.read(caller, stayId, READ_ACTION));
    }

    @Transactional
    public StayOptions forWorkListEntry(Caller caller, String municipality, UUID stayId) {
        return stayOptions(planning.readForMunicipality(caller, municipality, stayId, READ_ACTION));
    }

    /** One page of the work list (scoped and audited as the work list is), each patient with the options that fit. */
    @Transactional
    public Page<WorkListOptions> forWorkList(Caller caller, String municipality, StayStatus status, PageRequest page) {
        Page<WorkListEntry> entries = workList.workList(caller, municipality, status, page);
        Supply supply = supply(municipality);
        List<WorkListOptions> items = entries.items().stream().map(entry -> {
            Fit fit = fit(entry.status(), entry.expectedDischargeDate(), entry.needs(), entry.expectedNeeds(), supply);
            return new WorkListOptions(entry, fit.need(), views(Matching.soonestOfEachSource(fit.options())));
        }).toList();
        return new Page<>(items, entries.page(), entries.size(), entries.totalItems(), entries.totalPages());
    }

    private StayOptions stayOptions(PlanningFacts facts) {
        Supply supply = supply(facts.payingMunicipality());
        Fit fit = fit(facts.status(), facts.expectedDischargeDate(), facts.declaredNeeds(), facts.expectedNeeds(), supply);
        return new StayOptions(facts.stayId(), facts.status(), facts.payingMunicipality(), fit.need(), fit.earliest(), supply.through(),
                views(Matching.soonestOfEachSource(fit.options())));
    }

    private static List<OptionView> views(List<Option> options) {
        return options.stream().map(OptionView::of).toList();
    }

    /** A patient still admitted moves on from the expected discharge date at the earliest; one discharge-ready, from today. */
    private static Fit fit(StayStatus status, LocalDate expectedDischargeDate, String declaredNeeds, String expectedNeeds, Supply supply) {
        String stated = CareNeeds.stated(declaredNeeds, expectedNeeds);
        CareNeeds.Need need = CareNeeds.of(stated);
        LocalDate earliest = status == StayStatus.ADMITTED && expectedDischargeDate != null && expectedDischargeDate.isAfter(supply.from())
                ? expectedDischargeDate : supply.from();
        return new Fit(NeedView.of(need, stated), earliest, Matching.options(need.level(), earliest, supply.candidates()));
    }

    Supply supply(String municipality) {
        LocalDate today = OsloTime.today(clock);
        LocalDate through = today.plusDays(DAYS_SEARCHED - 1);
        List<Option> candidates = new ArrayList<>(receivingPlaces(municipality, today, through));
        for (BedPool pool : BedPool.<BedPool>list("select p from BedPool p where ?1 member of p.participants order by p.name", municipality)) {
            candidates.addAll(poolBeds(pool, municipality, today, through));
        }
        return new Supply(today, through, List.copyOf(candidates));
    }

    private List<Option> receivingPlaces(String municipality, LocalDate today, LocalDate through) {
        List<CapacityFigureRow> rows = CapacityService.currentRows(municipality, today, through);
        if (rows.isEmpty()) {
            return List.of();
        }
        Instant oldest = rows.stream().map(row -> row.publishedAt).min(Comparator.naturalOrder()).orElseThrow();
        List<Matching.Chosen> chosen = CareOptionChoice.<CareOptionChoice>list("municipality = ?1 and source = ?2 and chosenAt > ?3",
                        municipality, CareOptionSource.RECEIVING_CAPACITY.code(), oldest).stream()
                .map(c -> new Matching.Chosen(careLevel(c.careLevel), c.from, c.chosenAt)).toList();
        Staleness staleness = config.staleness();
        return rows.stream().map(row -> {
            CareLevel level = careLevel(row.careLevel);
            return Option.receiving(level, row.date, Matching.placesLeft(level, row.date, row.availablePlaces, row.publishedAt, chosen),
                    staleness.isStale(row.publishedAt, today));
        }).toList();
    }

    private static List<Option> poolBeds(BedPool pool, String municipality, LocalDate today, LocalDate through) {
        List<PoolCapacity.Bed> beds = PoolBed.<PoolBed>list("poolId = ?1 order by label", pool.id).stream().map(PoolService::state).toList();
        List<PoolCapacity.Occupation> occupations = BedAllocation.<BedAllocation>list("poolId = ?1 and cancelled = false and (through is null or through >= ?2)",
                pool.id, today).stream().map(a -> new PoolCapacity.Occupation(a.bedId, a.from, a.through)).toList();
        List<Quotas.Quota> quotas = pool.quotas.stream().filter(q -> q.municipality.equals(municipality))
                .map(q -> new Quotas.Quota(q.from, q.through, q.bedDays)).toList();
        List<Quotas.Days> uses = quotas.isEmpty() ? List.of()
                : BedAllocation.<BedAllocation>list("poolId = ?1 and municipality = ?2 and cancelled = false", pool.id, municipality).stream()
                .map(a -> new Quotas.Days(a.from, a.through)).toList();
        CareLevel level = PoolService.careLevel(pool);
        List<Option> options = new ArrayList<>();
        for (LocalDate day = today; !day.isAfter(through); day = day.plusDays(1)) {
            var remaining = Quotas.remainingOn(day, quotas, uses);
            options.add(Option.pool(pool.id, pool.name, level, day, Matching.bedsFreeFrom(day, beds, occupations).size(),
                    remaining.isPresent() ? remaining.getAsInt() : null));
        }
        return options;
    }

    /**
     * Chooses an option for a patient the municipality has been notified of and not yet answered "can receive": the
     * option must still be there (else 409), be fresh (stale figures: 409, publish current ones first) and fit the
     * stated needs. Choices of one municipality's places at one care level, and of one pool, wait for each other, so
     * two intake workers never take the last place twice.
     */
    @Transactional
    public ChosenView choose(Caller caller, String municipality, UUID stayId, ChooseOption command) {
        PlanningFacts facts = planning.readForMunicipality(caller, municipality, stayId, READ_ACTION);
        requireAnswerable(facts.status());
        LocalDate today = OsloTime.today(clock);
        requireValid(command, today);
        lock(command.source() == CareOptionSource.BED_POOL ? command.poolId().toString() : facts.payingMunicipality() + ":" + command.careLevel().code());
        Supply supply = supply(facts.payingMunicipality());
        Fit fit = fit(facts.status(), facts.expectedDischargeDate(), facts.declaredNeeds(), facts.expectedNeeds(), supply);
        if (command.source() == CareOptionSource.BED_POOL) {
            return choosePoolBed(caller, facts, command, supply, fit);
        }
        Option place = requireOffered(fit, supply.candidates().stream()
                .filter(o -> o.source() == CareOptionSource.RECEIVING_CAPACITY && o.careLevel() == command.careLevel() && o.date().equals(command.from()))
                .findFirst().orElseThrow(() -> new ProblemException(ProblemType.CONFLICT, "Municipality " + facts.payingMunicipality()
                        + " has published no " + command.careLevel().code() + " places for " + command.from()
                        + ": publish its receiving capacity first (POST /municipalities/" + facts.payingMunicipality() + "/capacity).")));
        if (place.stale()) {
            throw new ProblemException(ProblemType.CONFLICT, "The " + place.careLevel().code() + " figures for " + place.date()
                    + " were published more than " + config.staleAfterDays() + " days ago: publish the current figures, then choose.");
        }
        String offer = place.careLevel().display() + ", " + Municipality.findByCurrentOrFormerNumber(facts.payingMunicipality())
                .map(m -> m.name).orElse(facts.payingMunicipality());
        CareOptionChoice choice = record(caller, facts, place, null);
        StayStatus status = stayEvents.record(caller, facts.stayId(), OptionalLong.empty(),
                new StayEvent.MunicipalityAnswered(clock.instant(), true, place.date(), null, offer)).status();
        return new ChosenView(choice.id, facts.stayId(), place.source(), place.careLevel(), place.date(), null, null, null, null, offer, status,
                choice.chosenAt, choice.chosenBy);
    }

    private ChosenView choosePoolBed(Caller caller, PlanningFacts facts, ChooseOption command, Supply supply, Fit fit) {
        BedPool pool = PoolService.pool(command.poolId());
        if (!pool.participants.contains(facts.payingMunicipality())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The patient's municipality (" + facts.payingMunicipality()
                    + ") does not take part in the bed pool " + pool.name + ": choose a pool it takes part in.");
        }
        Option beds = requireOffered(fit, supply.candidates().stream()
                .filter(o -> pool.id.equals(o.poolId()) && o.date().equals(command.from())).findFirst().orElseThrow());
        UUID bedId = command.bedId() != null ? command.bedId() : firstBedFreeFrom(pool, command.from());
        AllocationView allocation = allocations.allocate(caller, pool.id, bedId, new AllocateBed(facts.stayId(), command.from(), null));
        CareOptionChoice choice = record(caller, facts, beds, allocation.id());
        return new ChosenView(choice.id, facts.stayId(), CareOptionSource.BED_POOL, beds.careLevel(), beds.date(), pool.id, pool.name, allocation.id(),
                allocation.bedLabel(), "Bed pool " + pool.name + ", bed " + allocation.bedLabel(), allocation.stayStatus(), choice.chosenAt,
                choice.chosenBy);
    }

    private UUID firstBedFreeFrom(BedPool pool, LocalDate from) {
        List<PoolCapacity.Bed> beds = PoolBed.<PoolBed>list("poolId = ?1 order by label", pool.id).stream().map(PoolService::state).toList();
        List<PoolCapacity.Occupation> occupations = BedAllocation.<BedAllocation>list("poolId = ?1 and cancelled = false", pool.id).stream()
                .map(a -> new PoolCapacity.Occupation(a.bedId, a.from, a.through)).toList();
        return Matching.bedsFreeFrom(from, beds, occupations).stream().findFirst().orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
                "The bed pool " + pool.name + " has no bed free from " + from + " any more. GET the options again."));
    }

    /** The option, if matching offers it to this patient; otherwise why not, as a conflict. */
    private static Option requireOffered(Fit fit, Option candidate) {
        if (!Matching.meets(candidate.careLevel(), fit.need().careLevel())) {
            throw new ProblemException(ProblemType.CONFLICT, "A " + candidate.careLevel().code() + " place does not meet the stated needs ("
                    + fit.need().careLevel().code() + (fit.need().recognised() ? ", from: " + String.join(", ", fit.need().recognisedTerms()) : "")
                    + "). Choose a place at that care level or higher.");
        }
        if (candidate.free() == 0) {
            throw new ProblemException(ProblemType.CONFLICT, "No free " + candidate.careLevel().code() + " place "
                    + (candidate.poolName() == null ? "" : "in " + candidate.poolName() + " ") + "from " + candidate.date()
                    + " any more. GET the options again.");
        }
        if (!candidate.withinQuota()) {
            throw new ProblemException(ProblemType.CONFLICT, "The municipality's quota in " + candidate.poolName() + " has no bed-days left on "
                    + candidate.date() + ".");
        }
        return candidate;
    }

    private static void requireAnswerable(StayStatus status) {
        String reason = switch (status) {
            case AWAITING_MUNICIPALITY, MUNICIPALITY_CANNOT_RECEIVE -> null;
            case ADMITTED, DISCHARGE_READY -> "The hospital has not sent the discharge-ready notice (§ 10) yet: there is nothing to answer. "
                    + "The options show where capacity exists meanwhile.";
            case MUNICIPALITY_READY -> "The municipality has already answered that it can receive the patient: correct that answer "
                    + "(POST /stays/{id}/events/{eventId}/correction) to change it.";
            case DISCHARGED -> "The patient has been discharged.";
        };
        if (reason != null) {
            throw new ProblemException(ProblemType.IMPOSSIBLE_TRANSITION, reason);
        }
    }

    private static void requireValid(ChooseOption command, LocalDate today) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (command.source() == CareOptionSource.RECEIVING_CAPACITY && command.careLevel() == null) {
            errors.add(new Problem.FieldError("careLevel", "is required for a receiving-capacity place"));
        }
        if (command.source() == CareOptionSource.RECEIVING_CAPACITY && (command.poolId() != null || command.bedId() != null)) {
            errors.add(new Problem.FieldError("poolId", "is for a bed-pool option only"));
        }
        if (command.source() == CareOptionSource.BED_POOL && command.poolId() == null) {
            errors.add(new Problem.FieldError("poolId", "is required for a bed-pool option"));
        }
        if (command.source() == CareOptionSource.BED_POOL && command.careLevel() != null) {
            errors.add(new Problem.FieldError("careLevel", "is the pool's own for a bed-pool option: leave it out"));
        }
        if (command.from().isBefore(today)) {
            errors.add(new Problem.FieldError("from", "must be today (" + today + ") or later"));
        } else if (command.from().isAfter(today.plusDays(DAYS_SEARCHED - 1))) {
            errors.add(new Problem.FieldError("from", "must be within the " + DAYS_SEARCHED + " days matching searches (through "
                    + today.plusDays(DAYS_SEARCHED - 1) + ")"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** A transaction-scoped lock on one municipality's places at one care level, or on one pool. */
    private void lock(String what) {
        entityManager.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('care-option'), hashtext(:what))) AS locked")
                .setParameter("what", what).getSingleResult();
    }

    private CareOptionChoice record(Caller caller, PlanningFacts facts, Option option, UUID allocationId) {
        CareOptionChoice choice = new CareOptionChoice();
        choice.id = UUID.randomUUID();
        choice.stayId = facts.stayId();
        choice.municipality = facts.payingMunicipality();
        choice.source = option.source().code();
        choice.careLevel = option.careLevel().code();
        choice.from = option.date();
        choice.poolId = option.poolId();
        choice.allocationId = allocationId;
        choice.chosenAt = clock.instant();
        choice.chosenBy = caller.principal();
        choice.persist();
        return choice;
    }

    private static CareLevel careLevel(String code) {
        return Coded.find(CareLevel.class, code).orElseThrow();
    }
}
