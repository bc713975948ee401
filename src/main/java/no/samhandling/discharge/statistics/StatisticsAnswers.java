package no.samhandling.discharge.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.statistics.StatisticsViews.DischargeReadyDayStatistics;
import no.samhandling.discharge.statistics.StatisticsViews.GroupFigures;
import no.samhandling.discharge.statistics.StatisticsViews.PeriodFigures;
import no.samhandling.discharge.stay.ServiceArea;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The statistics as the caller may see them: for board members with every group hidden that {@link Suppression}
 * hides in the whole table the answer is drawn from (every municipality, partnership and hospital trust area and
 * the region, for the same range, basis and service area), whatever grouping or partnership was asked for, so two
 * answers can never be combined to work a hidden count out; for everyone with the rates' stability judged
 * ({@link UnstableRate}). A group's figures per service area are protected within the group ({@link ServiceAreaProtection}).
 */
@ApplicationScoped
public class StatisticsAnswers {

    static final String SUPPRESSION_RULE = "For board members a group's counts and rates in a range are hidden (null, suppressed: true) "
            + "when fewer than 5 patients had discharge-ready days in it, and so is, wherever a total of it is shown (its health "
            + "partnership, its hospital trust's area, the region), the part with the next fewest patients, so that no hidden count "
            + "can be worked out as the total minus the others; the change is then null too. The same groups are hidden in every "
            + "answer for the same range, basis and service area.";

    private final DischargeReadyDays statistics;
    private final EntityManager entityManager;

    StatisticsAnswers(DischargeReadyDays statistics, EntityManager entityManager) {
        this.statistics = statistics;
        this.entityManager = entityManager;
    }

    /** The answer for a plain range, with the default standard population (the intervention effect asks this). */
    @Transactional
    public DischargeReadyDayStatistics answer(GroupBy groupBy, Basis basis, LocalDate from, LocalDate to, String healthPartnership,
                                              ServiceArea serviceArea, boolean board) {
        return answer(new DischargeReadyDays.Query(groupBy, basis, new DateRange(from, to), null, healthPartnership, serviceArea, false,
                statistics.defaultStandardPopulationYear(), board));
    }

    @Transactional
    public DischargeReadyDayStatistics answer(DischargeReadyDays.Query query) {
        DischargeReadyDayStatistics answer = statistics.query(query);
        boolean board = query.suppress();
        Membership membership = membership();
        Protection protection = board ? protection(membership, query) : null;
        List<GroupFigures> groups = new ArrayList<>();
        for (GroupFigures group : answer.groups()) {
            String cell = membership.cellOf(query.groupBy(), group.key(), query.healthPartnership());
            GroupFigures shown = protection == null ? flagged(group, false, false) : flagged(group, protection.current().hides(cell),
                    protection.previous().hides(cell));
            groups.add(judgedServiceAreas(board ? ServiceAreaProtection.protect(shown) : shown));
        }
        return answer.with(board ? SUPPRESSION_RULE : answer.suppressionRule(), groups);
    }

    private static GroupFigures flagged(GroupFigures group, boolean hideCurrent, boolean hidePrevious) {
        PeriodFigures current = hideCurrent && !group.current().suppressed() ? group.current().hidden() : group.current();
        PeriodFigures previous = hidePrevious && !group.previous().suppressed() ? group.previous().hidden() : group.previous();
        boolean eitherHidden = current.suppressed() || previous.suppressed();
        return group.with(judged(current), judged(previous), eitherHidden ? null : group.change());
    }

    private static GroupFigures judgedServiceAreas(GroupFigures group) {
        if (group.serviceAreas() == null) {
            return group;
        }
        return group.withServiceAreas(group.serviceAreas().stream()
                .map(area -> area.with(judged(area.current()), judged(area.previous()), area.change())).toList());
    }

    private static PeriodFigures judged(PeriodFigures figures) {
        return figures.with(UnstableRate.of(figures.population(), figures.stays()));
    }

    /** The hidden cells of one period's table; a cell the table does not have is hidden too (never shown unprotected). */
    record Hidden(Set<String> cells, Set<String> known) {
        boolean hides(String cell) {
            return cells.contains(cell) || !known.contains(cell);
        }
    }

    record Protection(Hidden current, Hidden previous) {
    }

    private Protection protection(Membership membership, DischargeReadyDays.Query query) {
        Map<String, GroupFigures> table = new HashMap<>();
        List<GroupBy> levels = new ArrayList<>(List.of(GroupBy.MUNICIPALITY, GroupBy.HEALTH_PARTNERSHIP, GroupBy.REGION));
        if (!membership.trustsArePartnerships()) {
            levels.add(GroupBy.HOSPITAL_TRUST);
        }
        for (GroupBy level : levels) {
            DischargeReadyDays.Query whole = new DischargeReadyDays.Query(level, query.basis(), query.range(), query.period(), null,
                    query.serviceArea(), false, query.standardPopulationYear(), false);
            for (GroupFigures group : statistics.query(whole).groups()) {
                table.put(membership.cellOf(level, group.key(), null), group);
            }
        }
        List<Suppression.Relation> relations = membership.relations();
        return new Protection(hidden(table, relations, GroupFigures::current), hidden(table, relations, GroupFigures::previous));
    }

    private static Hidden hidden(Map<String, GroupFigures> table, List<Suppression.Relation> relations, Function<GroupFigures, PeriodFigures> period) {
        List<Suppression.Cell> cells = table.entrySet().stream()
                .map(entry -> new Suppression.Cell(entry.getKey(), period.apply(entry.getValue()).patients(),
                        period.apply(entry.getValue()).dischargeReadyDays()))
                .toList();
        return new Hidden(Suppression.hidden(cells, relations), table.keySet());
    }

    private Membership membership() {
        Map<String, String> partnershipOf = new TreeMap<>();
        Map<String, String> trustOf = new TreeMap<>();
        for (Object[] row : entityManager.createQuery("select m.number, m.healthPartnership.id, m.hospitalTrust.organisationNumber "
                + "from Municipality m", Object[].class).getResultList()) {
            partnershipOf.put((String) row[0], (String) row[1]);
            trustOf.put((String) row[0], (String) row[2]);
        }
        return new Membership(partnershipOf, trustOf);
    }

    /** Which municipalities make up each group; a cell of the table is named by its municipalities. */
    record Membership(Map<String, String> partnershipOf, Map<String, String> trustOf) {

        String cellOf(GroupBy groupBy, String key, String healthPartnership) {
            Set<String> members = new TreeSet<>();
            for (String municipality : partnershipOf.keySet()) {
                boolean inScope = healthPartnership == null || healthPartnership.equals(partnershipOf.get(municipality));
                if (inScope && key.equals(groupKey(groupBy, municipality))) {
                    members.add(municipality);
                }
            }
            return String.join(",", members);
        }

        private String groupKey(GroupBy groupBy, String municipality) {
            return switch (groupBy) {
                case MUNICIPALITY -> municipality;
                case HEALTH_PARTNERSHIP -> partnershipOf.get(municipality);
                case HOSPITAL_TRUST -> trustOf.get(municipality);
                case REGION -> "helse-nord";
            };
        }

        boolean trustsArePartnerships() {
            return new HashSet<>(sets(partnershipOf)).containsAll(sets(trustOf));
        }

        /** Each partnership and trust area = the sum of its municipalities; the region = the sum of them. */
        List<Suppression.Relation> relations() {
            List<Suppression.Relation> relations = new ArrayList<>();
            String region = String.join(",", new TreeSet<>(partnershipOf.keySet()));
            for (Map<String, String> level : List.of(partnershipOf, trustOf)) {
                Collection<String> areas = sets(level);
                for (String area : areas) {
                    relations.add(new Suppression.Relation(area, List.of(area.split(","))));
                }
                relations.add(new Suppression.Relation(region, List.copyOf(areas)));
            }
            return relations;
        }

        private static Collection<String> sets(Map<String, String> areaOf) {
            Map<String, Set<String>> members = new TreeMap<>();
            areaOf.forEach((municipality, area) -> members.computeIfAbsent(area, a -> new TreeSet<>()).add(municipality));
            return members.values().stream().map(set -> String.join(",", set)).toList();
        }
    }
}
