package no.samhandling.discharge.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.statistics.Membership.Hidden;
import no.samhandling.discharge.statistics.StatisticsReference.Group;
import no.samhandling.discharge.statistics.StatisticsViews.Trend;
import no.samhandling.discharge.statistics.StatisticsViews.TrendGroup;
import no.samhandling.discharge.statistics.StatisticsViews.TrendPoint;
import no.samhandling.discharge.stay.ServiceArea;
import no.samhandling.discharge.stay.StayFigureStore;
import no.samhandling.discharge.stay.StayFigureStore.UnstoredDay;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A series per group and interval (month, quarter, year) of discharge-ready and billable days and their rates per
 * 1000, crude and age-standardised, from the monthly sums ({@code statistics_month}) plus the open periods' days
 * not yet stored, never the stays' days. For boards each interval is protected as the table of its range: within
 * that table no hidden count can be worked out, but the intervals are not protected against each other or against
 * longer ranges (days add up over time: a year's days minus its shown months give a hidden month's).
 */
@ApplicationScoped
public class DischargeReadyDayTrend {

    private final DataSource dataSource;
    private final StayFigureStore stayFigures;
    private final WholeTable wholeTable;

    private final StatisticsCache cache;
    private final KeptReference reference;

    DischargeReadyDayTrend(DataSource dataSource, StayFigureStore stayFigures, WholeTable wholeTable, StatisticsCache cache,
                           KeptReference reference) {
        this.dataSource = dataSource;
        this.stayFigures = stayFigures;
        this.wholeTable = wholeTable;
        this.cache = cache;
        this.reference = reference;
    }

    /** What the monthly sums depend on besides the aggregates' rows and the reference data. */
    private record MonthsQuestion(GroupBy groupBy, Basis basis, DateRange range, String healthPartnership, ServiceArea serviceArea) {
    }

    /** What a whole trend depends on besides the aggregates' rows and the reference data: the question itself. */
    private record TrendQuestion(Query query) {
    }

    /** Objects of one point: the record, its numbers (BigDecimal, Long), its label and dates. */
    private static final long POINT_OBJECTS = 12;

    /** The estimated size of a trend: its points, groups and standard population. */
    static long bytes(Trend trend) {
        return trend.groups().stream().mapToLong(group -> Footprint.of(1 + POINT_OBJECTS * group.points().size(), 0, 0)
                + Footprint.of(group.name())).sum() + Footprint.of(8, 1, trend.standardPopulation().size());
    }

    static final String SUPPRESSION_RULE = "For board members a group's counts and rates in an interval are hidden (null, suppressed: true) "
            + "exactly when they are in the answer of discharge-ready-days for the interval's range (same basis and service area): fewer "
            + "than 5 patients, or the part with the next fewest patients wherever a total of it is shown, so that no hidden count "
            + "can be worked out as the total minus the others. " + StatisticsAnswers.RANGES_NOT_PROTECTED_AGAINST_EACH_OTHER;

    public record Query(GroupBy groupBy, Basis basis, Interval interval, DateRange range, String healthPartnership, ServiceArea serviceArea,
                        int standardPopulationYear, boolean suppress) {
    }

    /** Days of one group in one month: in all, billable, and by age group. */
    static final class Month {
        final Map<String, Long> ready = new TreeMap<>();
        final Map<String, Long> billable = new TreeMap<>();

        long bytes() {
            return Footprint.of(1, 2, ready.size() + billable.size());
        }
    }

    /** The estimated size of the months of every group (each month under its index in its group's map). */
    static long bytes(Map<String, Map<Integer, Month>> months) {
        long bytes = Footprint.of(0, 1 + months.size(), months.size());
        for (Map<Integer, Month> group : months.values()) {
            bytes += Footprint.of(0, 0, group.size()) + group.values().stream().mapToLong(Month::bytes).sum();
        }
        return bytes;
    }

    /**
     * The series and its protection from one database state ({@link ReadSnapshot}); the whole series is kept under the
     * change counts of its months and the reference data (and of its patients still waiting: {@link ChangeCounts#key}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Trend query(Query query) {
        ReadSnapshot.begin(dataSource);
        List<DateRange> intervals = query.interval().covering(query.range().from(), query.range().to());
        DateRange range = new DateRange(intervals.getFirst().from(), intervals.getLast().to());
        List<UnstoredDay> unstored = stayFigures.unstoredDaysOfOpenPeriods(range.from(), range.to());
        ChangeCounts counts = ChangeCounts.read(dataSource, range);
        try {
            return cache.get(counts.key(new TrendQuestion(query), range, unstored), () -> computed(query, intervals, range, unstored, counts),
                    DischargeReadyDayTrend::bytes);
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
    }

    private Trend computed(Query query, List<DateRange> intervals, DateRange range, List<UnstoredDay> unstored, ChangeCounts counts) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Group> groups = reference.groups(connection, counts.reference(), query.groupBy(), query.healthPartnership());
            java.sql.Array members = StatisticsReference.members(connection, query.healthPartnership());
            Membership membership = query.suppress() ? reference.membership(connection, counts.reference()) : null;
            Map<String, Map<Integer, Month>> months = new HashMap<>();
            for (DateRange year : years(range)) {
                List<UnstoredDay> inYear = ChangeCounts.within(year, unstored);
                MonthsQuestion question = new MonthsQuestion(query.groupBy(), query.basis(), year, query.healthPartnership(), query.serviceArea());
                Map<String, Map<Integer, Month>> ofYear = cache.get(counts.partKey(question, year, inYear),
                        () -> months(connection, query, year, members, inYear), DischargeReadyDayTrend::bytes);
                ofYear.forEach((group, byMonth) -> months.computeIfAbsent(group, key -> new HashMap<>()).putAll(byMonth));
            }
            List<Hidden> hidden = query.suppress() ? wholeTable.hidden(membership, query.basis(), query.serviceArea(), intervals, unstored, counts)
                    : null;
            Map<String, GroupPopulation> population = reference.population(connection, counts.reference(), query.groupBy(), query.healthPartnership(),
                    groups, range.from().getYear(), range.to().getYear());
            Map<String, Long> standard = reference.standardPopulation(connection, counts.reference(), query.standardPopulationYear());
            List<TrendGroup> series = new ArrayList<>();
            for (Group group : groups.values()) {
                Map<Integer, Month> byMonth = months.getOrDefault(group.key(), Map.of());
                List<TrendPoint> points = new ArrayList<>();
                String cell = query.suppress() ? membership.cellOf(query.groupBy(), group.key(), query.healthPartnership()) : null;
                for (int i = 0; i < intervals.size(); i++) {
                    DateRange interval = intervals.get(i);
                    Month sum = new Month();
                    for (LocalDate m = interval.from(); !m.isAfter(interval.to()); m = m.plusMonths(1)) {
                        Month month = byMonth.get(DateRange.monthIndex(m));
                        if (month != null) {
                            month.ready.forEach((age, days) -> sum.ready.merge(age, days, Long::sum));
                            month.billable.forEach((age, days) -> sum.billable.merge(age, days, Long::sum));
                        }
                    }
                    boolean hide = query.suppress() && hidden.get(i).hides(cell);
                    points.add(point(query, interval, sum, hide, population.get(group.key()).over(interval), standard));
                }
                series.add(new TrendGroup(group.key(), group.name(), group.municipalities(), List.copyOf(points)));
            }
            return new Trend(query.groupBy(), query.basis(), query.interval(), range.from(), range.to(), query.healthPartnership(),
                    query.serviceArea(), DischargeReadyDays.DENOMINATOR, DischargeReadyDays.STANDARDISATION, query.standardPopulationYear(),
                    standard, query.suppress() ? SUPPRESSION_RULE : DischargeReadyDays.SUPPRESSION_RULE.replace("in a range", "in an interval"),
                    query.suppress(), List.copyOf(series));
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
    }

    /**
     * The range cut at the turns of the year: each year's monthly sums are kept on their own, so a change of one month
     * reads that year's sums again, not the whole series'.
     */
    static List<DateRange> years(DateRange range) {
        List<DateRange> years = new ArrayList<>();
        for (int year = range.from().getYear(); year <= range.to().getYear(); year++) {
            LocalDate first = LocalDate.of(year, 1, 1);
            LocalDate last = LocalDate.of(year, 12, 31);
            years.add(new DateRange(range.from().isAfter(first) ? range.from() : first, range.to().isBefore(last) ? range.to() : last));
        }
        return years;
    }

    private static TrendPoint point(Query query, DateRange interval, Month sum, boolean hidden, GroupPopulation.Population population,
                                    Map<String, Long> standard) {
        String label = query.interval().label(interval.from());
        if (hidden) {
            return new TrendPoint(label, interval.from(), interval.to(), true, null, null, population.inhabitants(), null, null, null, null, null);
        }
        long ready = sum.ready.values().stream().mapToLong(Long::longValue).sum();
        long billable = sum.billable.values().stream().mapToLong(Long::longValue).sum();
        boolean known = population.inhabitants() != null;
        return new TrendPoint(label, interval.from(), interval.to(), false, ready, billable, population.inhabitants(),
                DischargeReadyDays.per1000(ready, population.inhabitants()), DischargeReadyDays.per1000(billable, population.inhabitants()),
                known ? DirectStandardisation.per1000(sum.ready, population.byAgeGroup(), standard).orElse(null) : null,
                known ? DirectStandardisation.per1000(sum.billable, population.byAgeGroup(), standard).orElse(null) : null,
                sum.ready.getOrDefault(PatientAgeGroup.UNKNOWN, 0L));
    }

    private static String scope(Query query, String alias) {
        return " WHERE " + alias + "." + query.basis().column + " = ANY(?) AND (CAST(? AS varchar) IS NULL OR " + alias + ".service_area = ?)";
    }

    /** Per group and month index: the days by age group. */
    private static Map<String, Map<Integer, Month>> months(Connection connection, Query query, DateRange range, java.sql.Array members,
                                                           List<UnstoredDay> unstored) throws SQLException {
        String column = query.basis().column;
        String sql = "WITH " + StatisticsReference.UNSTORED_CTE + ", rows (year, month, age_group, municipality, ready_days, billable_days) AS ("
                + " SELECT sm.year, sm.month, sm.age_group, sm." + column + ", sm.ready_days, sm.billable_days FROM statistics_month sm"
                + scope(query, "sm") + " AND sm.year BETWEEN ? AND ? AND sm.year * 12 + sm.month - 1 BETWEEN ? AND ?"
                + " UNION ALL SELECT extract(year FROM e.day)::int, extract(month FROM e.day)::int, op.age_group, s." + column
                + ", 1, e.billable::int FROM extra e JOIN stay s ON s.id = e.stay_id JOIN statistics_open_period op ON op.stay_id = e.stay_id"
                + scope(query, "s") + ")"
                + " SELECT " + query.groupBy().keySql + ", r.year * 12 + r.month - 1, r.age_group, sum(r.ready_days), sum(r.billable_days)"
                + " FROM rows r JOIN municipality m ON m.number = r.municipality GROUP BY 1, 2, 3";
        Map<String, Map<Integer, Month>> months = new HashMap<>();
        run(connection, sql, query, range, members, unstored, r -> {
            Month month = months.computeIfAbsent(r.getString(1), k -> new HashMap<>()).computeIfAbsent(r.getInt(2), k -> new Month());
            month.ready.merge(r.getString(3), r.getLong(4), Long::sum);
            month.billable.merge(r.getString(3), r.getLong(5), Long::sum);
        });
        return months;
    }

    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs a query of the scope's months and the unstored days (parameters in the order of {@link #scope}), row by row. */
    private static void run(Connection connection, String sql, Query query, DateRange range, java.sql.Array members, List<UnstoredDay> unstored,
                            Row row) throws SQLException {
        String area = query.serviceArea() == null ? null : query.serviceArea().code();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = StatisticsReference.bindUnstored(connection, statement, 1, unstored);
            new SqlParameters().add(members, area, area, range.from().getYear(), range.to().getYear(), DateRange.monthIndex(range.from()),
                    DateRange.monthIndex(range.to()), members, area, area).bind(statement, next);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    row.read(r);
                }
            }
        }
    }
}
