package no.samhandling.discharge.stay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.security.AuditLog;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.stay.StayViews.PatientView;
import no.samhandling.discharge.stay.StayViews.WorkListEntry;
import no.samhandling.discharge.web.Page;
import no.samhandling.discharge.web.PageRequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The municipality's work list (arbeidsliste): the patients it pays for who are in a discharge-ready
 * period, and admitted patients whose expected discharge date lies within
 * {@code discharge.stay.soon-ready-within-days} from today (today included; a date in the past is not
 * "soon"). Longest waiting first (earliest declaration), then the earliest expected discharge date.
 * Filtered, sorted and paged in the database, from the stay row and its stored open period.
 */
@ApplicationScoped
public class WorkList {

    private static final String FROM = " from Stay s left join StayPeriodRow p on p.stayId = s.id and p.endedOn is null"
            + " where s.payingMunicipality = :municipality and s.status <> :discharged"
            + " and (p.id is not null or (s.expectedDischargeDate >= :today and s.expectedDischargeDate <= :soon))";

    private final StayConfig config;
    private final AuditLog audit;
    private final StayViewing viewing;
    private final EntityManager entityManager;

    WorkList(StayConfig config, AuditLog audit, StayViewing viewing, EntityManager entityManager) {
        this.config = config;
        this.audit = audit;
        this.viewing = viewing;
        this.entityManager = entityManager;
    }

    /** One page of the work list; {@code status} (optional) keeps the patients of that status only. */
    @Transactional
    public Page<WorkListEntry> workList(Caller caller, String municipalityNumber, StayStatus status, PageRequest page) {
        StayAccess.Scope scope = StayAccess.workListScope(caller, municipalityNumber);
        LocalDate today = viewing.today();
        String where = FROM + (status == null ? "" : " and s.status = :status");
        TypedQuery<Object[]> rows = entityManager.createQuery("select s, p" + where
                + " order by p.declaredOn asc nulls last, s.expectedDischargeDate asc nulls last, s.id", Object[].class);
        TypedQuery<Long> count = entityManager.createQuery("select count(s)" + where, Long.class);
        for (TypedQuery<?> query : List.of(rows, count)) {
            query.setParameter("municipality", scope.payingMunicipality());
            query.setParameter("discharged", StayStatus.DISCHARGED.code());
            query.setParameter("today", today);
            query.setParameter("soon", today.plusDays(config.soonReadyWithinDays()));
            if (status != null) {
                query.setParameter("status", status.code());
            }
        }
        List<Object[]> onPage = rows.setFirstResult(page.page() * page.size()).setMaxResults(page.size()).getResultList();
        audit.record(caller, "read-work-list", onPage.stream().map(row -> ((Stay) row[0]).id).toList());
        Map<Integer, BigDecimal> rates = StayViewing.dailyRates();
        return Page.of(onPage, page, count.getSingleResult(), Function.<Object[]>identity()
                .andThen(row -> entry((Stay) row[0], row[1] == null ? null : ((StayPeriodRow) row[1]).facts(), today, rates)));
    }

    private static WorkListEntry entry(Stay stay, PeriodFacts period, LocalDate today, Map<Integer, BigDecimal> rates) {
        PeriodFigures figures = period == null ? null : DayCounter.figures(period, today);
        BilledAmount amount = figures == null ? BilledAmount.NOTHING : BilledAmount.of(figures.billableDaysByMonth(), rates);
        return new WorkListEntry(stay.id, PatientView.of(stay), stay.hospital, stay.ward, StayFigureStore.serviceArea(stay),
                StayViewing.status(stay), stay.admittedAt, stay.expectedDischargeDate, stay.expectedNeeds,
                period == null ? null : period.needs(),
                period == null ? null : period.declaredOn(),
                figures == null ? 0 : figures.dischargeReadyDays(),
                figures == null ? 0 : figures.billableDays(),
                figures == null ? null : figures.billableFrom(),
                figures == null ? List.of() : StayViews.reasons(figures.notBillableBecause()),
                period == null ? null : period.canReceive(),
                period == null ? null : period.readyFrom(),
                period == null ? null : period.expectedReadyOn(),
                period == null ? null : period.offer(),
                amount.nok(), amount.unknownRateYears(), stay.version);
    }
}
