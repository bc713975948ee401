package no.samhandling.discharge.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.codes.Coded;
import no.samhandling.discharge.statistics.Membership.GroupCount;
import no.samhandling.discharge.statistics.Membership.Hidden;
import no.samhandling.discharge.stay.ServiceArea;
import no.samhandling.discharge.stay.StayFigureStore.UnstoredDay;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The protection of the whole table (every municipality, partnership, hospital trust area and the region) of some
 * disjoint ranges, for one basis and service area: in one read, the patients and discharge-ready days of every
 * group of every level in each range, from the rows the answers read (the stay-month aggregates for whole months,
 * {@code stay_day} for months in part, the open periods' days not yet stored), then {@link Suppression} per range.
 */
@ApplicationScoped
class WholeTable {

    private final DataSource dataSource;
    private final StatisticsCache cache;

    WholeTable(DataSource dataSource, StatisticsCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    /** What a range's hidden cells depend on besides the aggregates' rows and the reference data. */
    private record RangeQuestion(Basis basis, ServiceArea serviceArea, DateRange range) {
    }

    /** The membership every cell is named by. */
    @Transactional
    Membership membership() {
        try (Connection connection = dataSource.getConnection()) {
            return StatisticsReference.membership(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
    }

    /**
     * The hidden cells of each range's table, in the order of {@code ranges} (disjoint, in ascending order), in the
     * answer's snapshot: {@code unstored} are the open periods' days not yet stored over the ranges, {@code counts} the
     * change counts of their months. Each range without such days is kept on its own under the change count of its
     * months, so a change of one month reads only the ranges it is in; a range with such days (they grow with the
     * calendar) is read every time.
     */
    @Transactional
    List<Hidden> hidden(Membership membership, Basis basis, ServiceArea serviceArea, List<DateRange> ranges, List<UnstoredDay> unstored,
                        ChangeCounts counts) {
        try (Connection connection = dataSource.getConnection()) {
            List<Hidden> hidden = new ArrayList<>();
            List<Integer> missing = new ArrayList<>();
            List<StatisticsCache.Key> keys = new ArrayList<>();
            for (DateRange range : ranges) {
                StatisticsCache.Key key = counts.partKey(new RangeQuestion(basis, serviceArea, range), range, unstored).orElse(null);
                keys.add(key);
                hidden.add(key == null ? null : cache.<Hidden>kept(key).orElse(null));
                if (hidden.getLast() == null) {
                    missing.add(keys.size() - 1);
                }
            }
            if (!missing.isEmpty()) {
                Map<Integer, List<GroupCount>> counted = counts(connection, basis, serviceArea, missing.stream().map(ranges::get).toList(), unstored);
                for (int j = 0; j < missing.size(); j++) {
                    Hidden computed = membership.hidden(counted.getOrDefault(j, List.of()));
                    hidden.set(missing.get(j), computed);
                    StatisticsCache.Key key = keys.get(missing.get(j));
                    if (key != null) {
                        cache.keep(key, computed, computed.bytes());
                    }
                }
            }
            return List.copyOf(hidden);
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
    }

    /**
     * Per range index, each group's patients and days. The whole months of all ranges are one scan of the stay-month
     * rows, each month mapped to its range by an array; the months in part one branch each, as the answers read them.
     */
    private static Map<Integer, List<GroupCount>> counts(Connection connection, Basis basis, ServiceArea serviceArea, List<DateRange> ranges,
                                                         List<UnstoredDay> unstored) throws SQLException {
        String municipality = basis.column;
        String area = serviceArea == null ? null : serviceArea.code();
        java.sql.Array members = StatisticsReference.members(connection, null);
        TreeMap<Integer, Integer> rangeOfMonth = new TreeMap<>();
        List<DateRange> partial = new ArrayList<>();
        List<Integer> partialRange = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            DateRange.Split split = ranges.get(i).split();
            if (split.wholeMonths() != null) {
                for (int m = DateRange.monthIndex(split.wholeMonths().from()); m <= DateRange.monthIndex(split.wholeMonths().to()); m++) {
                    rangeOfMonth.put(m, i);
                }
            }
            for (DateRange part : split.partialMonths()) {
                partial.add(part);
                partialRange.add(i);
            }
        }
        StringBuilder rows = new StringBuilder();
        SqlParameters parameters = new SqlParameters();
        if (!rangeOfMonth.isEmpty()) {
            int first = rangeOfMonth.firstKey();
            int last = rangeOfMonth.lastKey();
            Integer[] byMonth = new Integer[last - first + 1];
            rangeOfMonth.forEach((month, range) -> byMonth[month - first] = range);
            rows.append("SELECT sm.stay_id, (CAST(? AS int[]))[sm.year * 12 + sm.month - ?] AS range_index, sm.").append(municipality)
                    .append(" AS municipality, sm.ready_days, sm.patient_number FROM statistics_stay_month sm WHERE sm.").append(municipality).append(" = ANY(?)")
                    .append(" AND sm.year BETWEEN ? AND ? AND sm.year * 12 + sm.month - 1 BETWEEN ? AND ?")
                    .append(" AND (CAST(? AS varchar) IS NULL OR sm.service_area = ?) UNION ALL ");
            parameters.add(connection.createArrayOf("int4", byMonth), first, members, first / 12, last / 12, first, last, area, area);
        }
        for (int p = 0; p < partial.size(); p++) {
            DateRange part = partial.get(p);
            rows.append("SELECT d.stay_id, ").append(partialRange.get(p)).append(", d.").append(municipality).append(", 1, s.patient_number FROM stay_day d")
                    .append(" JOIN stay s ON s.id = d.stay_id WHERE d.").append(municipality).append(" = ANY(?) AND d.year = ? AND d.month = ? AND d.day BETWEEN ? AND ?")
                    .append(" AND (CAST(? AS varchar) IS NULL OR d.service_area = ?) UNION ALL ");
            parameters.add(members, part.from().getYear(), part.from().getMonthValue(), part.from(), part.to(), area, area);
        }
        rows.append("SELECT e.stay_id, r.i::int - 1, s.").append(municipality).append(", 1, s.patient_number FROM extra e JOIN stay s ON s.id = e.stay_id")
                .append(" JOIN unnest(CAST(? AS date[]), CAST(? AS date[])) WITH ORDINALITY AS r (first, last, i) ON e.day BETWEEN r.first AND r.last")
                .append(" WHERE (CAST(? AS varchar) IS NULL OR s.service_area = ?)");
        parameters.add(connection.createArrayOf("date", ranges.stream().map(r -> java.sql.Date.valueOf(r.from())).toArray()),
                connection.createArrayOf("date", ranges.stream().map(r -> java.sql.Date.valueOf(r.to())).toArray()), area, area);
        // Each patient's days per municipality and range first, then distinct patients per group by hashing (no sorts).
        String sql = "WITH " + StatisticsReference.UNSTORED_CTE + ", rows (stay_id, range_index, municipality, ready_days, patient) AS (" + rows + "),"
                + " per_municipality AS MATERIALIZED (SELECT r.range_index, m.number, m.health_partnership, m.hospital_trust, "
                + "r.patient, sum(r.ready_days) AS days"
                + "  FROM rows r JOIN municipality m ON m.number = r.municipality"
                + "  WHERE r.range_index IS NOT NULL GROUP BY 1, 2, 3, 4, 5)"
                + " SELECT range_index, 'municipality', number, count(*), sum(days) FROM per_municipality GROUP BY 1, 3"
                + " UNION ALL SELECT range_index, 'health-partnership', health_partnership, count(*), sum(days) FROM"
                + "  (SELECT range_index, health_partnership, patient, sum(days) AS days FROM per_municipality GROUP BY 1, 2, 3) p GROUP BY 1, 3"
                + " UNION ALL SELECT range_index, 'hospital-trust', hospital_trust, count(*), sum(days) FROM"
                + "  (SELECT range_index, hospital_trust, patient, sum(days) AS days FROM per_municipality GROUP BY 1, 2, 3) t GROUP BY 1, 3"
                + " UNION ALL SELECT range_index, 'region', '" + Membership.REGION + "', count(*), sum(days) FROM"
                + "  (SELECT range_index, patient, sum(days) AS days FROM per_municipality GROUP BY 1, 2) r GROUP BY 1";
        Map<Integer, List<GroupCount>> counts = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = StatisticsReference.bindUnstored(connection, statement, 1, unstored);
            parameters.bind(statement, next);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    GroupBy level = Coded.find(GroupBy.class, r.getString(2)).orElseThrow();
                    counts.computeIfAbsent(r.getInt(1), k -> new ArrayList<>()).add(new GroupCount(level, r.getString(3), r.getLong(4), r.getLong(5)));
                }
            }
        }
        return counts;
    }
}
