package no.samhandling.discharge.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import no.samhandling.discharge.stay.StayFigureStore.UnstoredDay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The rows a range's figures are counted from, of every municipality and service area: for its whole months the
 * stay-month aggregates ({@code statistics_stay_month}), each month kept on its own under its change count (so a
 * change in one month reads that month again, about 3 000 rows at national scale, not the range); for the months it
 * covers in part the stored days ({@code stay_day}, with the stay-month row of their period for the age group and care
 * level), summed per stay; and the open periods' days not yet stored, one row each.
 */
@ApplicationScoped
class StayMonthRowStore {

    private final StatisticsCache cache;

    StayMonthRowStore(StatisticsCache cache) {
        this.cache = cache;
    }

    /** Which month's rows (they depend on nothing else: not on the reference data, so an edit of it keeps them). */
    private record MonthRows(int monthIndex) {
    }

    /**
     * Per range (in the order given), its rows, in the answer's snapshot: {@code unstored} are the open periods' days
     * not yet stored over the ranges, {@code counts} the change counts of their months. The whole months missing from
     * what is kept are read in one statement.
     */
    List<List<StayMonthRows>> rows(Connection connection, List<DateRange> ranges, List<UnstoredDay> unstored, ChangeCounts counts)
            throws SQLException {
        Map<Integer, StayMonthRows> months = wholeMonths(connection, ranges, counts);
        List<List<StayMonthRows>> rows = new ArrayList<>();
        for (DateRange range : ranges) {
            List<StayMonthRows> ofRange = new ArrayList<>();
            DateRange.Split split = range.split();
            if (split.wholeMonths() != null) {
                for (int m = DateRange.monthIndex(split.wholeMonths().from()); m <= DateRange.monthIndex(split.wholeMonths().to()); m++) {
                    ofRange.add(months.get(m));
                }
            }
            for (DateRange part : split.partialMonths()) {
                ofRange.add(partialMonth(connection, part));
            }
            List<UnstoredDay> inRange = ChangeCounts.within(range, unstored);
            if (!inRange.isEmpty()) {
                ofRange.add(unstored(connection, inRange));
            }
            rows.add(List.copyOf(ofRange));
        }
        return rows;
    }

    private Map<Integer, StayMonthRows> wholeMonths(Connection connection, List<DateRange> ranges, ChangeCounts counts) throws SQLException {
        Map<Integer, StayMonthRows> months = new HashMap<>();
        Map<Integer, StatisticsCache.Key> missing = new HashMap<>();
        for (DateRange range : ranges) {
            DateRange whole = range.split().wholeMonths();
            if (whole == null) {
                continue;
            }
            for (int m = DateRange.monthIndex(whole.from()); m <= DateRange.monthIndex(whole.to()); m++) {
                StatisticsCache.Key key = new StatisticsCache.Key(new MonthRows(m), 0, counts.of(month(m)));
                StayMonthRows kept = cache.<StayMonthRows>kept(key).orElse(null);
                if (kept != null) {
                    months.put(m, kept);
                } else {
                    missing.put(m, key);
                }
            }
        }
        if (missing.isEmpty()) {
            return months;
        }
        TreeSet<Integer> indexes = new TreeSet<>(missing.keySet());
        Map<Integer, StayMonthRows.Builder> read = new HashMap<>();
        indexes.forEach(m -> read.put(m, new StayMonthRows.Builder()));
        // Month by month through the index by month (V72), not the years' rows filtered.
        try (PreparedStatement statement = connection.prepareStatement("SELECT wanted.month_index, sm.stay_id, sm.patient_number,"
                + " sm.paying_municipality, sm.residence_municipality, sm.service_area, sm.age_group, sm.hospital, sm.care_level, sm.year,"
                + " sm.ready_days, sm.billable_days FROM unnest(CAST(? AS int[])) AS wanted (month_index)"
                + " JOIN statistics_stay_month sm ON sm.year = wanted.month_index / 12 AND sm.month = wanted.month_index % 12 + 1")) {
            statement.setArray(1, connection.createArrayOf("int4", indexes.toArray()));
            statement.setFetchSize(10_000);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    read.get(r.getInt(1)).add(r.getObject(2, UUID.class), r.getLong(3), r.getString(4), r.getString(5), r.getString(6),
                            r.getString(7), r.getString(8), r.getString(9), r.getInt(10), r.getInt(11), r.getInt(12));
                }
            }
        }
        read.forEach((m, builder) -> {
            StayMonthRows rows = builder.build();
            cache.keep(missing.get(m), rows, rows.bytes());
            months.put(m, rows);
        });
        return months;
    }

    private static DateRange month(int monthIndex) {
        LocalDate first = LocalDate.of(monthIndex / 12, monthIndex % 12 + 1, 1);
        return new DateRange(first, first.withDayOfMonth(first.lengthOfMonth()));
    }

    /** From the month's stay-month rows (by V72's index) to their days in the part (by {@code stay_day}'s key). */
    private static StayMonthRows partialMonth(Connection connection, DateRange part) throws SQLException {
        StayMonthRows.Builder rows = new StayMonthRows.Builder();
        try (PreparedStatement statement = connection.prepareStatement("SELECT d.stay_id, sm.patient_number, d.paying_municipality,"
                + " d.residence_municipality, d.service_area, sm.age_group, d.hospital, sm.care_level, d.year, count(*)::int,"
                + " (count(*) FILTER (WHERE d.billable))::int"
                + " FROM statistics_stay_month sm JOIN stay_day d ON d.stay_id = sm.stay_id AND d.period_number = sm.period_number"
                + " AND d.year = sm.year AND d.month = sm.month AND d.day BETWEEN ? AND ? WHERE sm.year = ? AND sm.month = ?"
                + " GROUP BY d.stay_id, sm.patient_number, d.paying_municipality, d.residence_municipality, d.service_area, sm.age_group,"
                + " d.hospital, sm.care_level, d.year")) {
            statement.setObject(1, part.from());
            statement.setObject(2, part.to());
            statement.setInt(3, part.from().getYear());
            statement.setInt(4, part.from().getMonthValue());
            read(statement, rows);
        }
        return rows.build();
    }

    private static StayMonthRows unstored(Connection connection, List<UnstoredDay> unstored) throws SQLException {
        StayMonthRows.Builder rows = new StayMonthRows.Builder();
        try (PreparedStatement statement = connection.prepareStatement("WITH " + StatisticsReference.UNSTORED_CTE
                + " SELECT e.stay_id, s.patient_number, s.paying_municipality, s.residence_municipality, s.service_area, op.age_group,"
                + " s.hospital, NULL, extract(year FROM e.day)::int, 1, e.billable::int"
                + " FROM extra e JOIN stay s ON s.id = e.stay_id JOIN statistics_open_period op ON op.stay_id = e.stay_id")) {
            StatisticsReference.bindUnstored(connection, statement, 1, unstored);
            read(statement, rows);
        }
        return rows.build();
    }

    private static void read(PreparedStatement statement, StayMonthRows.Builder rows) throws SQLException {
        try (ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                rows.add(r.getObject(1, UUID.class), r.getLong(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                        r.getString(7), r.getString(8), r.getInt(9), r.getInt(10), r.getInt(11));
            }
        }
    }
}
