package no.samhandling.discharge.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.statistics.Membership.Hidden;
import no.samhandling.discharge.statistics.StatisticsViews.DischargeReadyDayStatistics;
import no.samhandling.discharge.statistics.StatisticsViews.GroupFigures;
import no.samhandling.discharge.statistics.StatisticsViews.PeriodFigures;
import no.samhandling.discharge.stay.ServiceArea;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics as the caller may see them: for board members with every group hidden that {@link Suppression}
 * hides in the whole table the answer is drawn from (every municipality, partnership and hospital trust area and
 * the region, for the same range, basis and service area), whatever grouping or partnership was asked for, so two
 * answers for the same range can never be combined to work a hidden count out (answers for different ranges can: see
 * {@link #RANGES_NOT_PROTECTED_AGAINST_EACH_OTHER}); for everyone with the rates' stability judged
 * ({@link UnstableRate}). A group's figures per service area are protected within the group ({@link ServiceAreaProtection}).
 */
@ApplicationScoped
public class StatisticsAnswers {

    /** What the rule does not protect against (said wherever the protection is described). */
    static final String RANGES_NOT_PROTECTED_AGAINST_EACH_OTHER = "This protects each range's table on its own, not ranges against "
            + "each other: days add up over time, so the days of a longer range minus those shown for its parts (a year minus its "
            + "shown months, or overlapping ranges) can give a hidden part's days away.";

    static final String SUPPRESSION_RULE = "For board members a group's counts and rates in a range are hidden (null, suppressed: true) "
            + "when fewer than 5 patients had discharge-ready days in it, and so is, wherever a total of it is shown (its health "
            + "partnership, its hospital trust's area, the region), the part with the next fewest patients, so that no hidden count "
            + "can be worked out as the total minus the others; the change is then null too. The same groups are hidden in every "
            + "answer for the same range, basis and service area. " + RANGES_NOT_PROTECTED_AGAINST_EACH_OTHER;

    private final DischargeReadyDays statistics;
    private final WholeTable wholeTable;
    private final DataSource dataSource;

    StatisticsAnswers(DischargeReadyDays statistics, WholeTable wholeTable, DataSource dataSource) {
        this.statistics = statistics;
        this.wholeTable = wholeTable;
        this.dataSource = dataSource;
    }

    /** The answer for a plain range, with the default standard population (the intervention effect asks this). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DischargeReadyDayStatistics answer(GroupBy groupBy, Basis basis, LocalDate from, LocalDate to, String healthPartnership,
                                              ServiceArea serviceArea, boolean board) {
        ReadSnapshot.begin(dataSource);
        return answerInSnapshot(new DischargeReadyDays.Query(groupBy, basis, new DateRange(from, to), null, healthPartnership, serviceArea,
                false, statistics.defaultStandardPopulationYear(), board));
    }

    /** The figures and their protection from one database state ({@link ReadSnapshot}). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DischargeReadyDayStatistics answer(DischargeReadyDays.Query query) {
        ReadSnapshot.begin(dataSource);
        return answerInSnapshot(query);
    }

    private DischargeReadyDayStatistics answerInSnapshot(DischargeReadyDays.Query query) {
        DischargeReadyDayStatistics answer = statistics.query(query);
        boolean board = query.suppress();
        Membership membership = wholeTable.membership();
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

    record Protection(Hidden current, Hidden previous) {
    }

    private Protection protection(Membership membership, DischargeReadyDays.Query query) {
        DateRange current = query.range();
        List<Hidden> hidden = wholeTable.hidden(membership, query.basis(), query.serviceArea(), List.of(current.previous(), current));
        return new Protection(hidden.get(1), hidden.get(0));
    }
}
