package no.samhandling.discharge.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.statistics.StatisticsViews.Change;
import no.samhandling.discharge.statistics.StatisticsViews.DischargeReadyDayStatistics;
import no.samhandling.discharge.statistics.StatisticsViews.GroupFigures;
import no.samhandling.discharge.statistics.StatisticsViews.PeriodFigures;
import no.samhandling.discharge.stay.ServiceArea;
import no.samhandling.discharge.stay.StayFigureStore;
import no.samhandling.discharge.stay.StayFigureStore.UnstoredDay;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Discharge-ready days, billable days, stays, patients and billed cost per group, summed in SQL over the
 * stored days ({@code stay_day}) plus the not yet stored days of the open periods, so a period still running
 * counts up to today as in the stay's own view. Per 1000 inhabitants against the group's population.
 */
@ApplicationScoped
public class DischargeReadyDays {

    /** Counts of fewer patients than this are suppressed for board members. */
    public static final int SMALLEST_SHOWN_PATIENT_COUNT = 5;

    static final String SUPPRESSION_RULE = "For board members a group's counts and rates in a range are suppressed (null, suppressed: true) "
            + "when fewer than 5 patients had discharge-ready days in it; the change is then null too.";
    static final String DENOMINATOR = "Crude rate: days ÷ inhabitants × 1000, not annualised. Inhabitants on 1 January (SSB table 07459, "
            + "all age groups) of the group's member municipalities; a range over several years divides by the mean of those years' "
            + "populations, each weighted by the range's days in that year. Unknown (null) when a member lacks a year's figure.";

    private final DataSource dataSource;
    private final StayFigureStore stayFigures;

    DischargeReadyDays(DataSource dataSource, StayFigureStore stayFigures) {
        this.dataSource = dataSource;
        this.stayFigures = stayFigures;
    }

    record Counts(long readyDays, long billableDays, long stays, long patients, BigDecimal billed, List<Integer> unknownRateYears) {
        static final Counts NONE = new Counts(0, 0, 0, 0, BigDecimal.ZERO, List.of());
    }

    record Group(String key, String name, int municipalities) {
    }

    @Transactional
    public DischargeReadyDayStatistics query(GroupBy groupBy, Basis basis, LocalDate from, LocalDate to, String healthPartnership,
                                             ServiceArea serviceArea, boolean suppress) {
        long length = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate previousFrom = from.minusDays(length);
        LocalDate previousTo = from.minusDays(1);
        List<UnstoredDay> unstored = stayFigures.unstoredDaysOfOpenPeriods(previousFrom, to);
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Group> groups = groups(connection, groupBy, healthPartnership);
            Map<String, Counts[]> counts = counts(connection, groupBy, basis, previousFrom, from, to, healthPartnership, serviceArea, unstored);
            Map<String, Map<Integer, long[]>> population = population(connection, groupBy, healthPartnership, previousFrom.getYear(), to.getYear());
            List<GroupFigures> figures = new ArrayList<>();
            for (Group group : groups.values()) {
                Counts[] byPeriod = counts.getOrDefault(group.key(), new Counts[] {Counts.NONE, Counts.NONE});
                Map<Integer, long[]> groupPopulation = population.getOrDefault(group.key(), Map.of());
                PeriodFigures current = figures(byPeriod[1], populationOf(group, groupPopulation, from, to), suppress);
                PeriodFigures previous = figures(byPeriod[0], populationOf(group, groupPopulation, previousFrom, previousTo), suppress);
                figures.add(new GroupFigures(group.key(), group.name(), group.municipalities(), current, previous, change(current, previous)));
            }
            return new DischargeReadyDayStatistics(groupBy, basis, from, to, previousFrom, previousTo, healthPartnership, serviceArea,
                    DENOMINATOR, SUPPRESSION_RULE, suppress, figures);
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
    }

    /** Whether the health partnership exists. */
    @Transactional
    public boolean partnershipExists(String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM health_partnership WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
    }

    private static final String FROM_MUNICIPALITY = " FROM municipality m JOIN health_partnership hp ON hp.id = m.health_partnership"
            + " JOIN hospital_trust ht ON ht.organisation_number = m.hospital_trust WHERE (CAST(? AS varchar) IS NULL OR m.health_partnership = ?)";

    private static Map<String, Group> groups(Connection connection, GroupBy groupBy, String healthPartnership) throws SQLException {
        String sql = "SELECT " + groupBy.keySql + " AS key, " + groupBy.nameSql + " AS name, count(*)" + FROM_MUNICIPALITY
                + " GROUP BY 1, 2 ORDER BY 1";
        Map<String, Group> groups = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, healthPartnership);
            statement.setString(2, healthPartnership);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    groups.put(result.getString(1), new Group(result.getString(1), result.getString(2), result.getInt(3)));
                }
            }
        }
        return groups;
    }

    /** Per group: [previous, current]. */
    private static Map<String, Counts[]> counts(Connection connection, GroupBy groupBy, Basis basis, LocalDate previousFrom, LocalDate from,
                                                LocalDate to, String healthPartnership, ServiceArea serviceArea, List<UnstoredDay> unstored)
            throws SQLException {
        String sql = "WITH extra (stay_id, day, billable) AS (SELECT * FROM unnest(?::uuid[], ?::date[], ?::boolean[])),"
                + " days AS ("
                + "  SELECT d.stay_id, d.day, d.billable, d." + basis.column + " AS municipality, d.service_area FROM stay_day d"
                + "  WHERE d.day BETWEEN ? AND ?"
                + "  UNION ALL"
                + "  SELECT e.stay_id, e.day, e.billable, s." + basis.column + ", s.service_area FROM extra e JOIN stay s ON s.id = e.stay_id)"
                + " SELECT " + groupBy.keySql + " AS key, (days.day >= ?) AS current, count(*), count(*) FILTER (WHERE days.billable),"
                + "  count(DISTINCT days.stay_id), count(DISTINCT (s.patient_identifier_kind, s.patient_identifier)),"
                + "  sum(r.nok_per_day) FILTER (WHERE days.billable),"
                + "  array_agg(DISTINCT extract(year FROM days.day)::int) FILTER (WHERE days.billable AND r.year IS NULL)"
                + " FROM days JOIN stay s ON s.id = days.stay_id"
                + " JOIN municipality m ON m.number = days.municipality"
                + " LEFT JOIN daily_rate r ON r.year = extract(year FROM days.day)::int"
                + " WHERE (CAST(? AS varchar) IS NULL OR m.health_partnership = ?)"
                + "  AND (CAST(? AS varchar) IS NULL OR days.service_area = ?)"
                + " GROUP BY 1, 2";
        Map<String, Counts[]> counts = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("uuid", unstored.stream().map(UnstoredDay::stayId).toArray(UUID[]::new)));
            statement.setArray(2, connection.createArrayOf("date", unstored.stream().map(day -> java.sql.Date.valueOf(day.date())).toArray()));
            statement.setArray(3, connection.createArrayOf("boolean", unstored.stream().map(UnstoredDay::billable).toArray(Boolean[]::new)));
            statement.setObject(4, previousFrom);
            statement.setObject(5, to);
            statement.setObject(6, from);
            statement.setString(7, healthPartnership);
            statement.setString(8, healthPartnership);
            String area = serviceArea == null ? null : serviceArea.code();
            statement.setString(9, area);
            statement.setString(10, area);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Array unknown = result.getArray(8);
                    List<Integer> unknownYears = unknown == null ? List.of() : Arrays.stream((Integer[]) unknown.getArray()).sorted().toList();
                    BigDecimal billed = result.getBigDecimal(7);
                    Counts c = new Counts(result.getLong(3), result.getLong(4), result.getLong(5), result.getLong(6),
                            billed == null ? BigDecimal.ZERO : billed, unknownYears);
                    counts.computeIfAbsent(result.getString(1), key -> new Counts[] {Counts.NONE, Counts.NONE})[result.getBoolean(2) ? 1 : 0] = c;
                }
            }
        }
        return counts;
    }

    /** Per group and year: [inhabitants, municipalities with a figure]. */
    private static Map<String, Map<Integer, long[]>> population(Connection connection, GroupBy groupBy, String healthPartnership,
                                                                int fromYear, int toYear) throws SQLException {
        String sql = "SELECT " + groupBy.keySql + " AS key, p.year, sum(p.inhabitants), count(DISTINCT p.municipality_number)"
                + FROM_MUNICIPALITY.replace(" WHERE ", " JOIN population p ON p.municipality_number = m.number WHERE p.year BETWEEN ? AND ? AND ")
                + " GROUP BY 1, 2";
        Map<String, Map<Integer, long[]>> population = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, fromYear);
            statement.setInt(2, toYear);
            statement.setString(3, healthPartnership);
            statement.setString(4, healthPartnership);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    population.computeIfAbsent(result.getString(1), key -> new TreeMap<>())
                            .put(result.getInt(2), new long[] {result.getLong(3), result.getLong(4)});
                }
            }
        }
        return population;
    }

    record Population(Long inhabitants, List<Integer> years, List<Integer> unknownYears) {
    }

    /** The mean of the range's years' populations, each weighted by the range's days in that year. */
    static Population populationOf(Group group, Map<Integer, long[]> byYear, LocalDate from, LocalDate to) {
        List<Integer> years = new ArrayList<>();
        List<Integer> unknown = new ArrayList<>();
        BigDecimal weighted = BigDecimal.ZERO;
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            LocalDate start = year == from.getYear() ? from : LocalDate.of(year, 1, 1);
            LocalDate end = year == to.getYear() ? to : LocalDate.of(year, 12, 31);
            long[] figure = byYear.get(year);
            if (figure == null || figure[1] < group.municipalities()) {
                unknown.add(year);
            } else {
                years.add(year);
                weighted = weighted.add(BigDecimal.valueOf(figure[0]).multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(start, end) + 1)));
            }
        }
        Long inhabitants = unknown.isEmpty() ? weighted.divide(BigDecimal.valueOf(days), 0, RoundingMode.HALF_UP).longValueExact() : null;
        return new Population(inhabitants, years, unknown);
    }

    private static PeriodFigures figures(Counts counts, Population population, boolean suppress) {
        boolean suppressed = suppress && counts.patients() < SMALLEST_SHOWN_PATIENT_COUNT;
        if (suppressed) {
            return new PeriodFigures(true, null, null, null, null, null, null, population.inhabitants(), population.years(),
                    population.unknownYears(), null, null);
        }
        BigDecimal billed = counts.unknownRateYears().isEmpty() ? counts.billed().setScale(2, RoundingMode.HALF_UP) : null;
        return new PeriodFigures(false, counts.readyDays(), counts.billableDays(), counts.stays(), counts.patients(), billed,
                counts.unknownRateYears(), population.inhabitants(), population.years(), population.unknownYears(),
                per1000(counts.readyDays(), population.inhabitants()), per1000(counts.billableDays(), population.inhabitants()));
    }

    static BigDecimal per1000(long days, Long inhabitants) {
        if (inhabitants == null || inhabitants == 0) {
            return null;
        }
        return BigDecimal.valueOf(days).multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(inhabitants), 2, RoundingMode.HALF_UP);
    }

    private static Change change(PeriodFigures current, PeriodFigures previous) {
        if (current.suppressed() || previous.suppressed()) {
            return null;
        }
        return new Change(current.dischargeReadyDays() - previous.dischargeReadyDays(), current.billableDays() - previous.billableDays(),
                minus(current.billedAmount(), previous.billedAmount()),
                minus(current.dischargeReadyDaysPer1000(), previous.dischargeReadyDaysPer1000()),
                minus(current.billableDaysPer1000(), previous.billableDaysPer1000()));
    }

    private static BigDecimal minus(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }
}
