package no.samhandling.discharge.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.statistics.Membership.Hidden;
import no.samhandling.discharge.statistics.StatisticsViews.DischargeReadyDayStatistics;
import no.samhandling.discharge.statistics.StatisticsViews.GroupFigures;
import no.samhandling.discharge.statistics.StatisticsViews.PeriodFigures;
import no.samhandling.discharge.stay.ServiceArea;
import no.samhandling.discharge.stay.StayFigureStore;
import no.samhandling.discharge.stay.StayFigureStore.UnstoredDay;

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
    private final StayFigureStore stayFigures;
    private final StatisticsCache cache;

    StatisticsAnswers(DischargeReadyDays statistics, WholeTable wholeTable, DataSource dataSource, StayFigureStore stayFigures,
                      StatisticsCache cache) {
        this.statistics = statistics;
        this.wholeTable = wholeTable;
        this.dataSource = dataSource;
        this.stayFigures = stayFigures;
        this.cache = cache;
    }

    /** What a whole answer depends on besides the aggregates' rows and the reference data: the question itself. */
    private record AnswerQuestion(DischargeReadyDays.Query query) {
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

    /**
     * The whole answer is kept under the change counts of both ranges' months and the reference data, and where the ranges
     * hold days of patients still waiting under those days and the open periods' change count as well.
     */
    private DischargeReadyDayStatistics answerInSnapshot(DischargeReadyDays.Query query) {
        DateRange span = new DateRange(query.range().previous().from(), query.range().to());
        List<UnstoredDay> unstored = stayFigures.unstoredDaysOfOpenPeriods(span.from(), span.to());
        ChangeCounts counts = ChangeCounts.read(dataSource, span);
        try {
            return cache.get(counts.key(new AnswerQuestion(query), span, unstored), () -> computed(query, unstored, counts), StatisticsAnswers::bytes);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
    }

    /** The estimated size of an answer: per group its record, two periods' figures and the change, and as many per service area. */
    static long bytes(DischargeReadyDayStatistics answer) {
        long perPeriods = 1 + 2 * PERIOD_OBJECTS + CHANGE_OBJECTS;
        return answer.groups().stream().mapToLong(group -> Footprint.of(perPeriods * (group.serviceAreas() == null ? 1 : 1 + ServiceArea.values().length),
                0, 0) + Footprint.of(group.name())).sum() + Footprint.of(8, 1, answer.standardPopulation().size());
    }

    /** Objects of one period's figures: the record, its numbers (BigDecimal, Long), lists and real cost. */
    private static final long PERIOD_OBJECTS = 24;
    private static final long CHANGE_OBJECTS = 12;

    private DischargeReadyDayStatistics computed(DischargeReadyDays.Query query, List<UnstoredDay> unstored, ChangeCounts counts) {
        DischargeReadyDayStatistics answer = statistics.query(query, unstored, counts);
        boolean board = query.suppress();
        Membership membership = board ? wholeTable.membership(counts.reference()) : null;
        Protection protection = board ? protection(membership, query, unstored, counts) : null;
        List<GroupFigures> groups = new ArrayList<>();
        for (GroupFigures group : answer.groups()) {
            String cell = board ? membership.cellOf(query.groupBy(), group.key(), query.healthPartnership()) : null;
            GroupFigures shown = protection == null ? flagged(group, false, false) : flagged(group, protection.current().hides(cell),
                    protection.previous().hides(cell));
            groups.add(judgedServiceAreas(board ? ServiceAreaProtection.protect(shown) : shown));
        }
        return answer.with(board ? SUPPRESSION_RULE : answer.suppressionRule(), List.copyOf(groups));
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

    private Protection protection(Membership membership, DischargeReadyDays.Query query, List<UnstoredDay> unstored, ChangeCounts counts) {
        DateRange current = query.range();
        List<Hidden> hidden = wholeTable.hidden(membership, query.basis(), query.serviceArea(), List.of(current.previous(), current), unstored,
                counts);
        return new Protection(hidden.get(1), hidden.get(0));
    }
}
