package no.samhandling.discharge.stay;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.security.AuditLog;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.stay.StayViews.StaySummary;
import no.samhandling.discharge.stay.StayViews.StayView;
import no.samhandling.discharge.web.Page;
import no.samhandling.discharge.web.PageRequest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading stays: one with its history, or a page of them, scoped by the tenant policy ({@link StayAccess}). */
@ApplicationScoped
public class StayQueries {

    private final AuditLog audit;
    private final StayFigureStore figures;
    private final StayViewing viewing;

    StayQueries(AuditLog audit, StayFigureStore figures, StayViewing viewing) {
        this.audit = audit;
        this.figures = figures;
        this.viewing = viewing;
    }

    @Transactional
    public StayView read(Caller caller, UUID stayId) {
        Stay stay = StayAccess.visibleStay(caller, stayId);
        audit.record(caller, "read-stay", stay.id);
        return viewing.view(stay, StayEventRow.ofStay(stay.id));
    }

    /** Newest admission first, with the stored figures (no event is read). */
    @Transactional
    public Page<StaySummary> list(Caller caller, String hospital, StayStatus status, PageRequest page) {
        StayAccess.Scope scope = StayAccess.listScope(caller, hospital);
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (scope.hospital() != null) {
            where.append(" and hospital = :hospital");
            parameters.and("hospital", scope.hospital());
        }
        if (scope.payingMunicipality() != null) {
            where.append(" and payingMunicipality = :municipality");
            parameters.and("municipality", scope.payingMunicipality());
        }
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status.code());
        }
        var query = Stay.<Stay>find(where.toString(), Sort.descending("admittedAt").and("id"), parameters)
                .page(io.quarkus.panache.common.Page.of(page.page(), page.size()));
        List<Stay> stays = query.list();
        audit.record(caller, "list-stays", stays.stream().map(s -> s.id).toList());
        Map<UUID, List<PeriodFacts>> periods = figures.periodsOf(stays.stream().map(s -> s.id).toList());
        Map<Integer, BigDecimal> rates = StayViewing.dailyRates();
        return Page.of(stays, page, query.count(), stay -> viewing.summary(stay, periods.getOrDefault(stay.id, List.of()), rates));
    }
}
