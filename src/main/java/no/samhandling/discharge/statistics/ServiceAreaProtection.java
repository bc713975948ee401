package no.samhandling.discharge.statistics;

import no.samhandling.discharge.statistics.StatisticsViews.GroupFigures;
import no.samhandling.discharge.statistics.StatisticsViews.PeriodFigures;
import no.samhandling.discharge.statistics.StatisticsViews.ServiceAreaFigures;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A board member's figures per service area: the group's shown figures are the total of its service areas, so
 * {@link Suppression} hides a small service area and, where one alone would be hidden, the next smallest too; all of
 * them when the group itself is hidden.
 */
final class ServiceAreaProtection {

    private static final String TOTAL = "total";

    private ServiceAreaProtection() {
    }

    static GroupFigures protect(GroupFigures group) {
        if (group.serviceAreas() == null || group.serviceAreas().isEmpty()) {
            return group;
        }
        Set<String> hiddenNow = hidden(group, GroupFigures::current, ServiceAreaFigures::current);
        Set<String> hiddenBefore = hidden(group, GroupFigures::previous, ServiceAreaFigures::previous);
        List<ServiceAreaFigures> areas = new ArrayList<>();
        for (ServiceAreaFigures area : group.serviceAreas()) {
            String id = area.serviceArea().code();
            PeriodFigures current = hiddenNow.contains(id) && !area.current().suppressed() ? area.current().hidden() : area.current();
            PeriodFigures previous = hiddenBefore.contains(id) && !area.previous().suppressed() ? area.previous().hidden() : area.previous();
            areas.add(area.with(current, previous, current.suppressed() || previous.suppressed() ? null : area.change()));
        }
        return group.withServiceAreas(areas);
    }

    private static Set<String> hidden(GroupFigures group, Function<GroupFigures, PeriodFigures> ofGroup,
                                      Function<ServiceAreaFigures, PeriodFigures> ofArea) {
        List<String> ids = group.serviceAreas().stream().map(area -> area.serviceArea().code()).toList();
        PeriodFigures total = ofGroup.apply(group);
        if (total.suppressed()) {
            return Set.copyOf(ids);
        }
        List<Suppression.Cell> cells = new ArrayList<>();
        cells.add(new Suppression.Cell(TOTAL, count(total.patients()), count(total.dischargeReadyDays())));
        for (ServiceAreaFigures area : group.serviceAreas()) {
            PeriodFigures figures = ofArea.apply(area);
            cells.add(new Suppression.Cell(area.serviceArea().code(), count(figures.patients()), count(figures.dischargeReadyDays())));
        }
        Set<String> hidden = Suppression.hidden(cells, List.of(new Suppression.Relation(TOTAL, ids)));
        // The group's total is shown: if only hiding it would protect a part, hide every part instead.
        return hidden.contains(TOTAL) ? Set.copyOf(ids) : hidden;
    }

    private static long count(Long value) {
        return value == null ? 0 : value;
    }
}
