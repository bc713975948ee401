package no.samhandling.discharge.capacity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.capacity.UtilisationViews.DayView;
import no.samhandling.discharge.capacity.UtilisationViews.MunicipalPoolUseView;
import no.samhandling.discharge.capacity.UtilisationViews.MunicipalUtilisationView;
import no.samhandling.discharge.capacity.UtilisationViews.ParticipantUseView;
import no.samhandling.discharge.capacity.UtilisationViews.PoolUtilisationView;
import no.samhandling.discharge.capacity.UtilisationViews.TotalsView;
import no.samhandling.discharge.reference.Municipality;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.time.OsloTime;
import no.samhandling.discharge.web.ProblemException;
import no.samhandling.discharge.web.ProblemType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Bed pool utilisation per pool and per municipality for a range of days, from the beds and their allocations
 * ({@link PoolUtilisation}). Counts only, never a patient: boards, administrators and integrations read every
 * pool's; a pool administrator their pool's; an intake team the pools its municipality takes part in.
 */
@ApplicationScoped
public class UtilisationService {

    private final PoolAdministrators administrators;
    private final Clock clock;

    UtilisationService(PoolAdministrators administrators, Clock clock) {
        this.administrators = administrators;
        this.clock = clock;
    }

    @Transactional
    public PoolUtilisationView pool(Caller caller, UUID poolId, LocalDate from, LocalDate through) {
        BedPool pool = PoolService.pool(poolId);
        requirePoolReader(caller, pool);
        CapacityService.Shown shown = CapacityService.Shown.of(from, through, OsloTime.today(clock));
        Figures figures = figures(pool, shown);
        List<ParticipantUseView> participants = pool.participants.stream().sorted()
                .map(m -> ParticipantUseView.of(use(pool, m, shown, figures.allocations()))).toList();
        return new PoolUtilisationView(pool.id, pool.name, PoolService.careLevel(pool), shown.from(), shown.through(),
                TotalsView.of(PoolUtilisation.totals(figures.days())), figures.days().stream().map(DayView::of).toList(), participants);
    }

    @Transactional
    public MunicipalUtilisationView municipality(Caller caller, String number, LocalDate from, LocalDate through) {
        Municipality municipality = CapacityService.municipality(number);
        CapacityService.requireReader(caller, municipality);
        CapacityService.Shown shown = CapacityService.Shown.of(from, through, OsloTime.today(clock));
        List<BedPool> pools = BedPool.<BedPool>find("select p from BedPool p join p.participants m where m = ?1 order by p.name",
                municipality.number).list();
        List<List<PoolUtilisation.Day>> days = new ArrayList<>();
        List<MunicipalPoolUseView> uses = new ArrayList<>();
        long used = 0;
        for (BedPool pool : pools) {
            Figures figures = figures(pool, shown);
            PoolUtilisation.Use use = use(pool, municipality.number, shown, figures.allocations());
            days.add(figures.days());
            used += use.bedDaysUsed();
            uses.add(new MunicipalPoolUseView(pool.id, pool.name, TotalsView.of(PoolUtilisation.totals(figures.days())), use.bedDaysUsed(),
                    UtilisationViews.QuotaUseView.of(use.quotas())));
        }
        List<PoolUtilisation.Day> summed = PoolUtilisation.sum(shown.from(), shown.through(), days);
        return new MunicipalUtilisationView(municipality.number, municipality.name, shown.from(), shown.through(),
                TotalsView.of(PoolUtilisation.totals(summed)), summed.stream().map(DayView::of).toList(), used, uses);
    }

    private record Figures(List<PoolUtilisation.Allocation> allocations, List<PoolUtilisation.Day> days) {
    }

    private static Figures figures(BedPool pool, CapacityService.Shown shown) {
        List<PoolCapacity.Bed> beds = PoolBed.<PoolBed>list("poolId", pool.id).stream().map(PoolService::state).toList();
        List<PoolUtilisation.Allocation> allocations = BedAllocation.<BedAllocation>list(
                        "poolId = ?1 and cancelled = false and from <= ?3 and (through is null or through >= ?2)", pool.id, shown.from(), shown.through())
                .stream().map(a -> new PoolUtilisation.Allocation(a.bedId, a.municipality, a.from, a.through)).toList();
        return new Figures(allocations, PoolUtilisation.days(shown.from(), shown.through(), beds, allocations));
    }

    /** A participant's use in the range; its quotas are counted over their whole periods, so their allocations are read for those too. */
    private static PoolUtilisation.Use use(BedPool pool, String municipality, CapacityService.Shown shown,
                                           List<PoolUtilisation.Allocation> inRange) {
        List<Quotas.Quota> quotas = pool.quotas.stream().filter(q -> q.municipality.equals(municipality))
                .map(q -> new Quotas.Quota(q.from, q.through, q.bedDays)).toList();
        List<PoolUtilisation.Allocation> own = quotas.isEmpty() ? inRange
                : BedAllocation.<BedAllocation>list("poolId = ?1 and municipality = ?2 and cancelled = false", pool.id, municipality).stream()
                .map(a -> new PoolUtilisation.Allocation(a.bedId, a.municipality, a.from, a.through)).toList();
        return PoolUtilisation.use(municipality, shown.from(), shown.through(), own, quotas);
    }

    private void requirePoolReader(Caller caller, BedPool pool) {
        if (caller.actsForAllTenants() || caller.has(Roles.BOARD)) {
            return;
        }
        if (caller.has(Roles.POOL_ADMIN) && administrators.administeredPool().filter(pool.id::equals).isPresent()) {
            return;
        }
        if (caller.has(Roles.MUNICIPAL_INTAKE) && caller.municipality() != null && Municipality.findByCurrentOrFormerNumber(caller.municipality())
                .map(own -> pool.participants.contains(own.number)).orElse(false)) {
            return;
        }
        throw new ProblemException(ProblemType.FORBIDDEN, "A pool's use is shown to its administrator, to the intake teams of the "
                + "municipalities that take part in it, to boards, integrations and administrators.");
    }
}
