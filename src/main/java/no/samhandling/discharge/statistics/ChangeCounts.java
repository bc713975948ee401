package no.samhandling.discharge.statistics;

import no.samhandling.discharge.stay.StayFigureStore.UnstoredDay;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a kept answer is found by besides its question, read once per answer in its snapshot (V71): the version of the
 * reference data (raised by PostgreSQL after every change of municipalities, partnerships, trusts, populations or daily
 * rates), how often each month's sums have been rewritten, and how often open periods have (their days not yet stored,
 * counted up to today, are in no month's sums). All only grow, so an answer kept under the counts of an earlier state is
 * never found in a later one that differs in its months, its open periods or its reference data.
 */
record ChangeCounts(DateRange span, long reference, long openPeriods, Map<Integer, Long> byMonth) {

    ChangeCounts {
        byMonth = Map.copyOf(byMonth);
    }

    /** {@link #read(Connection, DateRange)} on the transaction's connection. */
    static ChangeCounts read(DataSource dataSource, DateRange span) {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, span);
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
    }

    /** The counts of the months of {@code span} (month indexes: year × 12 + month − 1). */
    static ChangeCounts read(Connection connection, DateRange span) throws SQLException {
        long reference = referenceVersion(connection);
        Map<Integer, Long> byMonth = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT month_index, sum(changes) FROM statistics_month_change "
                + "WHERE month_index BETWEEN ? AND ? OR month_index = " + OPEN_PERIODS + " GROUP BY month_index")) {
            statement.setInt(1, DateRange.monthIndex(span.from()));
            statement.setInt(2, DateRange.monthIndex(span.to()));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    byMonth.put(result.getInt(1), result.getLong(2));
                }
            }
        }
        Long openPeriods = byMonth.remove(OPEN_PERIODS);
        return new ChangeCounts(span, reference, openPeriods == null ? 0 : openPeriods, byMonth);
    }

    /** The version of the reference data (V71). */
    static long referenceVersion(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT version FROM statistics_reference_version");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static final int OPEN_PERIODS = StatisticsAggregates.OPEN_PERIODS;

    /** The changes of the range's months (within the span read: outside it every state would count 0). */
    long of(DateRange range) {
        if (range.from().isBefore(span.from()) || range.to().isAfter(span.to())) {
            throw new IllegalArgumentException(range + " is not within the months read, " + span);
        }
        long changes = 0;
        for (int month = DateRange.monthIndex(range.from()); month <= DateRange.monthIndex(range.to()); month++) {
            changes += byMonth.getOrDefault(month, 0L);
        }
        return changes;
    }

    /** The key of what is computed from the range's months and the reference data for {@code question}. */
    StatisticsCache.Key key(Object question, DateRange range) {
        return new StatisticsCache.Key(question, reference, of(range));
    }

    /** The open periods' days not yet stored that fall in the range. */
    static List<UnstoredDay> within(DateRange range, List<UnstoredDay> unstored) {
        return unstored.stream().filter(day -> range.contains(day.date())).toList();
    }

    /**
     * The key of a part of an answer computed from one range's rows alone; none when the range holds open periods' days
     * not yet stored: such a part grows with the calendar and is computed every time.
     */
    java.util.Optional<StatisticsCache.Key> partKey(Object question, DateRange range, List<UnstoredDay> unstored) {
        boolean growing = unstored.stream().anyMatch(day -> range.contains(day.date()));
        return growing ? java.util.Optional.empty() : java.util.Optional.of(key(question, range));
    }

    /** What is computed from open periods' days not yet stored depends on them too, and on the open periods' changes. */
    private record WithUnstoredDays(Object question, long openPeriods, UnstoredDays days) {
    }

    /**
     * The key of what is computed from the range's months, the reference data and {@code unstored}, the open periods' days
     * not yet stored (they grow with the calendar: the same days are the same answer only on the same day).
     */
    StatisticsCache.Key key(Object question, DateRange range, List<UnstoredDay> unstored) {
        return unstored.isEmpty() ? key(question, range) : key(new WithUnstoredDays(question, openPeriods, UnstoredDays.of(unstored)), range);
    }

    /** The days as a digest (a list of thousands of days per kept answer would outweigh the answer). */
    record UnstoredDays(int count, long first, long second) {

        /** In the order of stay and day: the same days give the same digest, in whatever order they were read. */
        static UnstoredDays of(List<UnstoredDay> unordered) {
            List<UnstoredDay> days = unordered.stream().sorted(java.util.Comparator.comparing(UnstoredDay::stayId)
                    .thenComparing(UnstoredDay::date)).toList();
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                ByteBuffer day = ByteBuffer.allocate(Long.BYTES * 3 + 1);
                for (UnstoredDay unstored : days) {
                    day.clear();
                    day.putLong(unstored.stayId().getMostSignificantBits()).putLong(unstored.stayId().getLeastSignificantBits())
                            .putLong(unstored.date().toEpochDay()).put((byte) (unstored.billable() ? 1 : 0));
                    digest.update(day.array());
                }
                ByteBuffer hash = ByteBuffer.wrap(digest.digest());
                return new UnstoredDays(days.size(), hash.getLong(), hash.getLong());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
    }
}
