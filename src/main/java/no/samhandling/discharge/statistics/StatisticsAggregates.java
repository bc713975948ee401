package no.samhandling.discharge.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import no.samhandling.discharge.stay.DayFact;
import no.samhandling.discharge.database.CopyIn;
import no.samhandling.discharge.stay.StayFiguresStored;
import no.samhandling.discharge.stay.StayFiguresStoredInBulk;
import no.samhandling.discharge.stay.StayFiguresStored.StoredPeriod;
import org.hibernate.Session;

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
 * equal to the stored figures: in the transaction of the event that replaced a stay's figures, the stay's old
 * month rows are swapped for its new ones and the difference is added to the monthly sums.
 *
 * <p>Concurrency: the stay's row is locked first, so two events of one stay apply their deltas one after the
 * other against the rows the first committed. Stays of one municipality meet on {@code statistics_month} rows,
 * which {@code INSERT ... ON CONFLICT DO UPDATE} locks and increments (no lost update); every transaction
 * touches them in primary-key order, so two cannot wait for each other in a cycle.
 */
@ApplicationScoped
class StatisticsAggregates {

    private final EntityManager entityManager;

    StatisticsAggregates(EntityManager entityManager) {
        this.entityManager = entityManager;
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
        entityManager.unwrap(Session.class).doWork(connection -> apply(connection, stored));
    }

    /**
     * New stays' figures, many at once (an import of history): none had rows before, so their month rows and open
     * periods are copied in and their sums added to the monthly sums in one batch, in primary-key order.
     */
    void onFiguresStoredInBulk(@Observes StayFiguresStoredInBulk stored) {
        entityManager.unwrap(Session.class).doWork(connection -> applyNew(connection, stored.stays()));
    }

    private static void applyNew(Connection connection, List<StayFiguresStored> stays) throws SQLException {
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

    private static void apply(Connection connection, StayFiguresStored stored) throws SQLException {
        lockStay(connection, stored.stayId());
        List<StayMonth> old = stayMonths(connection, stored.stayId());
        List<StayMonth> now = stayMonthsOf(stored);
        Map<MonthKey, long[]> delta = new TreeMap<>(MonthKey.PRIMARY_KEY_ORDER);
        old.forEach(row -> add(delta, row, -1));
        now.forEach(row -> add(delta, row, 1));
        addToMonths(connection, delta);
        replaceStayMonths(connection, stored, now);
        replaceOpenPeriod(connection, stored);
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
                + "billable_days = statistics_month.billable_days + EXCLUDED.billable_days, changes = statistics_month.changes + 1")) {
            // Every month touched, even with no difference in its sums: its change count keys StatisticsCache.
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

    private static void replaceOpenPeriod(Connection connection, StayFiguresStored stored) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM statistics_open_period WHERE stay_id = ?")) {
            delete.setObject(1, stored.stayId());
            delete.executeUpdate();
        }
        for (String ageGroup : openPeriodAgeGroups(stored)) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO statistics_open_period (stay_id, age_group) VALUES (?, ?)")) {
                insert.setObject(1, stored.stayId());
                insert.setString(2, ageGroup);
                insert.executeUpdate();
            }
        }
    }
}
