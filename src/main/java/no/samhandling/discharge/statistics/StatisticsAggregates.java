package no.samhandling.discharge.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import no.samhandling.discharge.stay.DayFact;
import no.samhandling.discharge.database.CopyIn;
import no.samhandling.discharge.stay.StayFiguresStored;
import no.samhandling.discharge.stay.StayFiguresStoredInBulk;
import no.samhandling.discharge.stay.StayFiguresStored.StoredPeriod;
import org.hibernate.Session;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Keeps the aggregates ({@code statistics_stay_month}, {@code statistics_month}, {@code statistics_open_period})
 * equal to the stored figures and counts their changes ({@code statistics_month_change}): in the transaction of the
 * event that replaced a stay's figures, the stay's old month rows are swapped for its new ones and the difference is
 * added to the monthly sums.
 *
 * <p>Concurrency: the stay's row is locked first, so two events of one stay apply their deltas one after the
 * other against the rows the first committed. Stays of one municipality meet on {@code statistics_month} rows,
 * which {@code INSERT ... ON CONFLICT DO UPDATE} locks and increments (no lost update); every transaction
 * touches them in primary-key order, so two cannot wait for each other in a cycle; the months' change counts
 * ({@code statistics_month_change}) are raised once per transaction as it commits ({@link #countAtCommit}).
 */
@ApplicationScoped
class StatisticsAggregates {

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final DataSource dataSource;

    StatisticsAggregates(EntityManager entityManager, TransactionSynchronizationRegistry transactions, DataSource dataSource) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.dataSource = dataSource;
    }

    /** A statistics_month key, ordered as its primary key. */
    record MonthKey(String paying, int year, int month, String residence, String serviceArea, String ageGroup) {
        static final Comparator<MonthKey> PRIMARY_KEY_ORDER = Comparator.comparing(MonthKey::paying).thenComparingInt(MonthKey::year)
                .thenComparingInt(MonthKey::month).thenComparing(MonthKey::residence).thenComparing(MonthKey::serviceArea)
                .thenComparing(MonthKey::ageGroup);
    }

    /** A statistics_stay_month row of one stay. */
    record StayMonth(int period, int year, int month, String ageGroup, String paying, String residence, String serviceArea,
                     String hospital, String careLevel, int readyDays, int billableDays) {
        MonthKey key() {
            return new MonthKey(paying, year, month, residence, serviceArea, ageGroup);
        }
    }

    void onFiguresStored(@Observes StayFiguresStored stored) {
        countAtCommit(entityManager.unwrap(Session.class).doReturningWork(connection -> apply(connection, stored)));
    }

    /** Which months' sums a transaction rewrote, and the paying municipalities of stays that had or have an open period. */
    record Changed(java.util.Set<MonthKey> months, List<String> openPeriodsOf) {
    }

    /**
     * New stays' figures, many at once (an import of history): none had rows before, so their month rows and open
     * periods are copied in and their sums added to the monthly sums in one batch, in primary-key order.
     */
    void onFiguresStoredInBulk(@Observes StayFiguresStoredInBulk stored) {
        countAtCommit(entityManager.unwrap(Session.class).doReturningWork(connection -> applyNew(connection, stored.stays())));
    }

    private static Changed applyNew(Connection connection, List<StayFiguresStored> stays) throws SQLException {
        Map<MonthKey, long[]> delta = new TreeMap<>(MonthKey.PRIMARY_KEY_ORDER);
        CopyIn months = new CopyIn("statistics_stay_month", STAY_MONTH_COLUMNS);
        CopyIn open = new CopyIn("statistics_open_period", List.of("stay_id", "age_group"));
        for (StayFiguresStored stored : stays) {
            for (StayMonth row : stayMonthsOf(stored)) {
                add(delta, row, 1);
                months.row(stayMonthValues(stored, row));
            }
            openPeriodAgeGroups(stored).forEach(ageGroup -> open.row(stored.stayId(), ageGroup));
        }
        months.into(connection);
        open.into(connection);
        addToMonths(connection, delta);
        return new Changed(delta.keySet(), stays.stream().filter(stored -> !openPeriodAgeGroups(stored).isEmpty())
                .map(StayFiguresStored::payingMunicipality).toList());
    }

    private static final List<String> STAY_MONTH_COLUMNS = List.of("stay_id", "period_number", "year", "month", "age_group",
            "paying_municipality", "residence_municipality", "service_area", "hospital", "care_level", "ready_days", "billable_days",
            "patient_number");

    private static Object[] stayMonthValues(StayFiguresStored stored, StayMonth row) {
        return new Object[]{stored.stayId(), row.period(), row.year(), row.month(), row.ageGroup(), row.paying(), row.residence(), row.serviceArea(),
                row.hospital(), row.careLevel(), row.readyDays(), row.billableDays(), stored.patientNumber()};
    }

    /** The age group of each period still open (one at most): what statistics_open_period holds for the stay. */
    private static List<String> openPeriodAgeGroups(StayFiguresStored stored) {
        return stored.periods().stream().filter(period -> period.facts().ongoing())
                .map(period -> PatientAgeGroup.of(stored.birthDate(), period.facts().declaredOn())).toList();
    }

    private static Changed apply(Connection connection, StayFiguresStored stored) throws SQLException {
        lockStay(connection, stored.stayId());
        List<StayMonth> old = stayMonths(connection, stored.stayId());
        List<StayMonth> now = stayMonthsOf(stored);
        Map<MonthKey, long[]> delta = new TreeMap<>(MonthKey.PRIMARY_KEY_ORDER);
        old.forEach(row -> add(delta, row, -1));
        now.forEach(row -> add(delta, row, 1));
        addToMonths(connection, delta);
        replaceStayMonths(connection, stored, now);
        boolean hadOpenPeriod = replaceOpenPeriod(connection, stored);
        boolean openPeriods = hadOpenPeriod || !openPeriodAgeGroups(stored).isEmpty();
        return new Changed(delta.keySet(), openPeriods ? List.of(stored.payingMunicipality()) : List.of());
    }

    static List<StayMonth> stayMonthsOf(StayFiguresStored stored) {
        String careLevel = CareLevel.ofDestination(stored.destination()).map(CareLevel::code).orElse(null);
        Map<String, StayMonth> rows = new TreeMap<>();
        for (StoredPeriod period : stored.periods()) {
            String ageGroup = PatientAgeGroup.of(stored.birthDate(), period.facts().declaredOn());
            for (DayFact day : period.days()) {
                int year = day.date().getYear();
                int month = day.date().getMonthValue();
                String key = "%05d-%04d-%02d".formatted(period.facts().number(), year, month);
                StayMonth before = rows.get(key);
                int ready = before == null ? 1 : before.readyDays() + 1;
                int billable = (before == null ? 0 : before.billableDays()) + (day.billable() ? 1 : 0);
                rows.put(key, new StayMonth(period.facts().number(), year, month, ageGroup, stored.payingMunicipality(),
                        stored.residenceMunicipality(), stored.serviceArea().code(), stored.hospital(), careLevel, ready, billable));
            }
        }
        return List.copyOf(rows.values());
    }

    private static void add(Map<MonthKey, long[]> delta, StayMonth row, int sign) {
        long[] sums = delta.computeIfAbsent(row.key(), key -> new long[2]);
        sums[0] += sign * (long) row.readyDays();
        sums[1] += sign * (long) row.billableDays();
    }

    private static void lockStay(Connection connection, UUID stayId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT 1 FROM stay WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, stayId);
            lock.executeQuery().close();
        }
    }

    private static List<StayMonth> stayMonths(Connection connection, UUID stayId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT period_number, year, month, age_group, paying_municipality, "
                + "residence_municipality, service_area, hospital, care_level, ready_days, billable_days FROM statistics_stay_month "
                + "WHERE stay_id = ?")) {
            select.setObject(1, stayId);
            try (ResultSet r = select.executeQuery()) {
                List<StayMonth> rows = new java.util.ArrayList<>();
                while (r.next()) {
                    rows.add(new StayMonth(r.getInt(1), r.getInt(2), r.getInt(3), r.getString(4), r.getString(5), r.getString(6),
                            r.getString(7), r.getString(8), r.getString(9), r.getInt(10), r.getInt(11)));
                }
                return rows;
            }
        }
    }

    private static void addToMonths(Connection connection, Map<MonthKey, long[]> delta) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO statistics_month (paying_municipality, year, month, "
                + "residence_municipality, service_area, age_group, ready_days, billable_days, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) "
                + "ON CONFLICT (paying_municipality, year, month, residence_municipality, service_area, age_group) DO UPDATE SET "
                + "ready_days = statistics_month.ready_days + EXCLUDED.ready_days, "
                + "billable_days = statistics_month.billable_days + EXCLUDED.billable_days, "
                // V65's count, which instances of the release before V71 find kept answers by, during a rolling deploy.
                + "changes = statistics_month.changes + 1")) {
            for (Map.Entry<MonthKey, long[]> entry : delta.entrySet()) {
                MonthKey key = entry.getKey();
                upsert.setString(1, key.paying());
                upsert.setInt(2, key.year());
                upsert.setInt(3, key.month());
                upsert.setString(4, key.residence());
                upsert.setString(5, key.serviceArea());
                upsert.setString(6, key.ageGroup());
                upsert.setLong(7, entry.getValue()[0]);
                upsert.setLong(8, entry.getValue()[1]);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** The shards of a month's change count (V71): events of municipalities in different shards never wait for one row. */
    static final int CHANGE_SHARDS = 8;

    /** The "month" whose change count counts the changes of open periods (V71): their days not yet stored are in no month's sums. */
    static final int OPEN_PERIODS = -1;

    private static final Object PENDING_CHANGES = new Object();

    /**
     * Adds 1, when the transaction commits, to the change count of every month touched (even with no difference in its
     * sums: a corrected care level) and to the open periods' count of each paying municipality of a stay that had or has
     * an open period: the counts key {@link StatisticsCache}. Raised once per transaction, last (before its commit, after
     * every other write), in (month, shard) order: a transaction holds these rows only while it commits, never while it
     * waits for another lock, so a transaction of many stays ({@code POST /stays/imports}) cannot deadlock on them.
     */
    private void countAtCommit(Changed changed) {
        @SuppressWarnings("unchecked")
        java.util.SortedSet<Long> pending = (java.util.SortedSet<Long>) transactions.getResource(PENDING_CHANGES);
        if (pending == null) {
            java.util.SortedSet<Long> months = new java.util.TreeSet<>();
            transactions.putResource(PENDING_CHANGES, months);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    try (Connection connection = dataSource.getConnection()) {
                        countChanges(connection, months);
                    } catch (SQLException e) {
                        throw new IllegalStateException("the statistics' change counts could not be raised", e);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            pending = months;
        }
        for (MonthKey key : changed.months()) {
            pending.add((long) (key.year() * 12 + key.month() - 1) * CHANGE_SHARDS + shardOf(key.paying()));
        }
        for (String paying : changed.openPeriodsOf()) {
            pending.add((long) OPEN_PERIODS * CHANGE_SHARDS + shardOf(paying));
        }
    }

    private static void countChanges(Connection connection, java.util.SortedSet<Long> months) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO statistics_month_change (month_index, shard, changes) "
                + "VALUES (?, ?, 1) ON CONFLICT (month_index, shard) DO UPDATE SET changes = statistics_month_change.changes + 1")) {
            for (long monthAndShard : months) {
                upsert.setInt(1, (int) Math.floorDiv(monthAndShard, CHANGE_SHARDS));
                upsert.setInt(2, (int) Math.floorMod(monthAndShard, CHANGE_SHARDS));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    static int shardOf(String payingMunicipality) {
        return Math.floorMod(payingMunicipality.hashCode(), CHANGE_SHARDS);
    }

    private static void replaceStayMonths(Connection connection, StayFiguresStored stored, List<StayMonth> rows) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM statistics_stay_month WHERE stay_id = ?")) {
            delete.setObject(1, stored.stayId());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO statistics_stay_month (" + String.join(", ", STAY_MONTH_COLUMNS)
                + ") VALUES (" + "?, ".repeat(STAY_MONTH_COLUMNS.size() - 1) + "?)")) {
            for (StayMonth row : rows) {
                Object[] values = stayMonthValues(stored, row);
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Whether the stay had an open period before. */
    private static boolean replaceOpenPeriod(Connection connection, StayFiguresStored stored) throws SQLException {
        boolean had;
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM statistics_open_period WHERE stay_id = ?")) {
            delete.setObject(1, stored.stayId());
            had = delete.executeUpdate() > 0;
        }
        for (String ageGroup : openPeriodAgeGroups(stored)) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO statistics_open_period (stay_id, age_group) VALUES (?, ?)")) {
                insert.setObject(1, stored.stayId());
                insert.setString(2, ageGroup);
                insert.executeUpdate();
            }
        }
        return had;
    }
}
