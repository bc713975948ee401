package no.samhandling.discharge.capacity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.capacity.PoolCommands.AddBed;
import no.samhandling.discharge.capacity.PoolCommands.ChangeBedStatus;
import no.samhandling.discharge.capacity.PoolCommands.CreatePool;
import no.samhandling.discharge.capacity.PoolCommands.QuotaCommand;
import no.samhandling.discharge.capacity.PoolViews.BedView;
import no.samhandling.discharge.capacity.PoolViews.CapacityOnDay;
import no.samhandling.discharge.capacity.PoolViews.PoolSummary;
import no.samhandling.discharge.capacity.PoolViews.PoolView;
import no.samhandling.discharge.capacity.PoolViews.QuotaView;
import no.samhandling.discharge.capacity.PoolViews.RunBy;
import no.samhandling.discharge.codes.Coded;
import no.samhandling.discharge.reference.HospitalTrust;
import no.samhandling.discharge.reference.Municipality;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.time.OsloTime;
import no.samhandling.discharge.web.Page;
import no.samhandling.discharge.web.PageRequest;
import no.samhandling.discharge.web.Problem;
import no.samhandling.discharge.web.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Bed pools, their beds and the capacity derived from them. */
@ApplicationScoped
public class PoolService {

    private final PoolAdministrators administrators;
    private final CapacityReports reports;
    private final Clock clock;

    PoolService(PoolAdministrators administrators, CapacityReports reports, Clock clock) {
        this.administrators = administrators;
        this.reports = reports;
        this.clock = clock;
    }

    @Transactional
    public PoolView create(Caller caller, CreatePool command) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> hospitals = Objects.requireNonNullElse(command.hospitals(), List.of());
        List<String> operatingMunicipalities = Objects.requireNonNullElse(command.municipalities(), List.of());
        if (hospitals.isEmpty() && operatingMunicipalities.isEmpty()) {
            errors.add(new Problem.FieldError("hospitals", "name the hospital trust or municipality (or several) that runs the pool"));
        }
        for (int i = 0; i < hospitals.size(); i++) {
            if (HospitalTrust.findById(hospitals.get(i)) == null) {
                errors.add(new Problem.FieldError("hospitals[" + i + "]", "no hospital trust in Helse Nord has the organisation number " + hospitals.get(i)));
            }
        }
        List<String> operators = current(operatingMunicipalities, "municipalities", errors);
        List<String> participants = current(command.participants(), "participants", errors);
        List<QuotaCommand> quotas = Objects.requireNonNullElse(command.quotas(), List.of());
        for (int i = 0; i < quotas.size(); i++) {
            QuotaCommand quota = quotas.get(i);
            String field = "quotas[" + i + "]";
            String municipality = Municipality.findByCurrentOrFormerNumber(quota.municipality()).map(m -> m.number).orElse(quota.municipality());
            if (!participants.contains(municipality)) {
                errors.add(new Problem.FieldError(field + ".municipality", quota.municipality() + " is not among the participants"));
            }
            if (quota.through().isBefore(quota.from())) {
                errors.add(new Problem.FieldError(field + ".through", "must be on or after from (" + quota.from() + ")"));
            }
            for (int j = 0; j < i; j++) {
                QuotaCommand other = quotas.get(j);
                if (other.municipality().equals(quota.municipality()) && !other.from().isAfter(quota.through())
                        && !quota.from().isAfter(other.through())) {
                    errors.add(new Problem.FieldError(field, "overlaps quotas[" + j + "]: one quota per participant and day"));
                }
            }
        }
        if (BedPool.count("name", command.name().strip()) > 0) {
            errors.add(new Problem.FieldError("name", "another pool is called " + command.name().strip()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        BedPool pool = new BedPool();
        pool.id = UUID.randomUUID();
        pool.name = command.name().strip();
        pool.careLevel = (command.careLevel() == null ? CareLevel.SHORT_TERM_BED : command.careLevel()).code();
        hospitals.stream().distinct().forEach(hospital -> {
            BedPool.Operator operator = new BedPool.Operator();
            operator.hospital = hospital;
            pool.operators.add(operator);
        });
        operators.stream().distinct().forEach(municipality -> {
            BedPool.Operator operator = new BedPool.Operator();
            operator.municipality = municipality;
            pool.operators.add(operator);
        });
        pool.participants.addAll(participants);
        for (QuotaCommand command1 : quotas) {
            BedPool.Quota quota = new BedPool.Quota();
            quota.municipality = Municipality.findByCurrentOrFormerNumber(command1.municipality()).orElseThrow().number;
            quota.from = command1.from();
            quota.through = command1.through();
            quota.bedDays = command1.bedDays();
            pool.quotas.add(quota);
        }
        pool.createdAt = clock.instant();
        pool.createdBy = caller.principal();
        pool.persist();
        return view(pool, OsloTime.today(clock));
    }

    /** The municipalities' current numbers (a former number resolved); unknown ones are field errors. */
    private static List<String> current(List<String> numbers, String field, List<Problem.FieldError> errors) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i);
            int index = i;
            Municipality.findByCurrentOrFormerNumber(number).ifPresentOrElse(m -> {
                if (!found.contains(m.number)) {
                    found.add(m.number);
                }
            }, () -> errors.add(new Problem.FieldError(field + "[" + index + "]", "no municipality in Nordland, Troms or Finnmark has the number " + number)));
        }
        return found;
    }

    @Transactional
    public Page<PoolSummary> list(LocalDate day, PageRequest page) {
        LocalDate shown = day == null ? OsloTime.today(clock) : day;
        var found = BedPool.<BedPool>find("order by name");
        List<BedPool> pools = found.page(page.page(), page.size()).list();
        return Page.of(pools, page, found.count(), pool -> new PoolSummary(pool.id, pool.name, careLevel(pool), runBy(pool),
                List.copyOf(pool.participants), capacity(pool.id, shown)));
    }

    @Transactional
    public PoolView read(UUID poolId, LocalDate day) {
        return view(pool(poolId), day == null ? OsloTime.today(clock) : day);
    }

    @Transactional
    public BedView addBed(Caller caller, UUID poolId, AddBed command) {
        BedPool pool = pool(poolId);
        administrators.requireManager(caller, pool.id);
        String label = command.label().strip();
        if (PoolBed.count("poolId = ?1 and label = ?2", pool.id, label) > 0) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("label", "the pool already has a bed called " + label)));
        }
        PoolBed bed = new PoolBed();
        bed.id = UUID.randomUUID();
        bed.poolId = pool.id;
        bed.label = label;
        bed.status = (command.status() == null ? BedStatus.FREE : command.status()).code();
        bed.updatedAt = clock.instant();
        bed.updatedBy = caller.principal();
        bed.persist();
        reports.poolChanged(pool.id);
        return bedView(bed, OsloTime.today(clock), occupations(pool.id, OsloTime.today(clock)));
    }

    @Transactional
    public BedView changeStatus(Caller caller, UUID poolId, UUID bedId, OptionalLong expectedVersion, ChangeBedStatus command) {
        BedPool pool = pool(poolId);
        administrators.requireManager(caller, pool.id);
        PoolBed bed = bed(pool.id, bedId);
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != bed.version) {
            throw new OptimisticLockException("version " + expectedVersion.getAsLong() + " expected, " + bed.version + " found");
        }
        bed.status = command.status().code();
        bed.updatedAt = clock.instant();
        bed.updatedBy = caller.principal();
        PoolBed.getEntityManager().flush();
        reports.poolChanged(pool.id);
        LocalDate today = OsloTime.today(clock);
        return bedView(bed, today, occupations(pool.id, today));
    }

    static BedPool pool(UUID poolId) {
        BedPool pool = BedPool.findById(poolId);
        if (pool == null) {
            throw ProblemException.notFound("No bed pool has the id " + poolId + ". GET /bed-pools lists them.");
        }
        return pool;
    }

    static PoolBed bed(UUID poolId, UUID bedId) {
        PoolBed bed = PoolBed.findById(bedId);
        if (bed == null || !bed.poolId.equals(poolId)) {
            throw ProblemException.notFound("The pool has no bed with the id " + bedId + ". GET /bed-pools/" + poolId + " lists its beds.");
        }
        return bed;
    }

    private PoolView view(BedPool pool, LocalDate day) {
        List<PoolBed> beds = PoolBed.<PoolBed>list("poolId = ?1 order by label", pool.id);
        Collection<PoolCapacity.Occupation> occupations = occupations(pool.id, day);
        List<QuotaView> quotas = pool.quotas.stream().map(q -> new QuotaView(q.municipality, q.from, q.through, q.bedDays))
                .sorted(Comparator.comparing(QuotaView::municipality).thenComparing(QuotaView::from)).toList();
        return new PoolView(pool.id, pool.name, careLevel(pool), runBy(pool), List.copyOf(pool.participants), quotas,
                CapacityOnDay.of(PoolCapacity.on(day, beds.stream().map(PoolService::state).toList(), occupations)),
                beds.stream().map(bed -> bedView(bed, day, occupations)).toList(), pool.version);
    }

    private CapacityOnDay capacity(UUID poolId, LocalDate day) {
        return CapacityOnDay.of(summary(poolId, day));
    }

    /** The pool's beds on a day, counted from its beds and allocations. */
    static PoolCapacity.Summary summary(UUID poolId, LocalDate day) {
        List<PoolCapacity.Bed> beds = PoolBed.<PoolBed>list("poolId", poolId).stream().map(PoolService::state).toList();
        return PoolCapacity.on(day, beds, occupations(poolId, day));
    }

    /** The days patients have the pool's beds, as far as they matter for {@code day}. */
    static Collection<PoolCapacity.Occupation> occupations(UUID poolId, LocalDate day) {
        return occupations(poolId, day, day);
    }

    /** The days patients have the pool's beds (cancelled reservations hold none), as far as they matter for the days from–through. */
    static List<PoolCapacity.Occupation> occupations(UUID poolId, LocalDate from, LocalDate through) {
        return BedAllocation.<BedAllocation>list("poolId = ?1 and cancelled = false and from <= ?3 and (through is null or through >= ?2)",
                poolId, from, through).stream().map(a -> new PoolCapacity.Occupation(a.bedId, a.from, a.through)).toList();
    }

    static CareLevel careLevel(BedPool pool) {
        return Coded.find(CareLevel.class, pool.careLevel).orElseThrow();
    }

    private static BedView bedView(PoolBed bed, LocalDate day, Collection<PoolCapacity.Occupation> occupations) {
        BedStatus onDay = PoolCapacity.on(day, state(bed), occupations);
        return new BedView(bed.id, bed.label, status(bed), onDay, onDay.hl7Code(), bed.updatedAt, bed.updatedBy, bed.version);
    }

    static PoolCapacity.Bed state(PoolBed bed) {
        return new PoolCapacity.Bed(bed.id, status(bed));
    }

    static BedStatus status(PoolBed bed) {
        return Coded.find(BedStatus.class, bed.status).orElseThrow();
    }

    private static RunBy runBy(BedPool pool) {
        return new RunBy(pool.operators.stream().map(o -> o.hospital).filter(Objects::nonNull).toList(),
                pool.operators.stream().map(o -> o.municipality).filter(Objects::nonNull).toList());
    }
}
