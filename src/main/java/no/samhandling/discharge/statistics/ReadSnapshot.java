package no.samhandling.discharge.statistics;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One database state for a whole answer. At PostgreSQL's READ COMMITTED every statement sees what was committed when
 * it began, so the tallies and the whole table they are protected by could come from two states (a group shown with 4
 * patients hidden by a table in which it had 5). A REPEATABLE READ transaction reads one snapshot, taken at its first
 * query, in every statement; READ ONLY as an answer never writes (and such a transaction never fails to serialise).
 *
 * <p>Why this and not a check of the change counts before and after: the snapshot also holds the open periods, the
 * groups and the populations, and the change count a kept answer is found by is then read in the state the answer
 * would be computed from. The isolation can only be set before the transaction's first statement, so the entry points
 * ({@link StatisticsAnswers}, {@link DischargeReadyDayTrend}) run in a transaction of their own
 * ({@code REQUIRES_NEW}: the callers' transactions, such as the intervention effect's, have read before) and call
 * {@link #begin} first; every connection of a JTA transaction is the same one (Agroal), so every later statement of
 * the answer, JDBC or Hibernate, reads the snapshot.
 */
final class ReadSnapshot {

    private ReadSnapshot() {
    }

    /** Makes the transaction just begun one read-only snapshot; must be its first statement. */
    static void begin(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        } catch (SQLException e) {
            throw new IllegalStateException("the statistics could not read one snapshot", e);
        }
    }
}
