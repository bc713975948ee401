package no.samhandling.discharge.database;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.transaction.xa.XAException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

    @ParameterizedTest(name = "SQLSTATE {0}: unreachable {1}, transient {2}")
    @CsvSource({
            "08006, true, true",     // connection failure
            "08001, true, true",     // cannot connect
            "57P01, true, true",     // admin shutdown
            "57P03, true, true",     // cannot connect now
            "57014, false, true",    // statement cancelled (a statement timeout)
            "40001, false, true",    // serialization failure
            "40P01, false, true",    // deadlock
            "53300, false, true",    // too many connections
            "58030, false, true",    // I/O error
            "23505, false, false",   // unique key taken
            "23514, false, false",   // check constraint
            "22021, false, false",   // NUL in text
            "42P01, false, false",   // no such table
    })
    void sqlStateClasses(String state, boolean unreachable, boolean transientFailure) {
        SQLException sql = new SQLException("failed", state);
        assertThat(DatabaseFailures.unreachable(sql)).isEqualTo(unreachable);
        assertThat(DatabaseFailures.transientFailure(sql)).isEqualTo(transientFailure);
        PersistenceException wrapped = new PersistenceException("could not execute", new IllegalStateException(sql));
        assertThat(DatabaseFailures.unreachable(wrapped)).as("as a cause").isEqualTo(unreachable);
        assertThat(DatabaseFailures.transientFailure(wrapped)).as("as a cause").isEqualTo(transientFailure);
    }

    @Test
    void noStateAndNoFailureAreNeither() {
        assertThat(DatabaseFailures.unreachable(new SQLException("no state"))).isFalse();
        assertThat(DatabaseFailures.transientFailure(new SQLException("no state"))).isFalse();
        assertThat(DatabaseFailures.unreachable(null)).isFalse();
        assertThat(DatabaseFailures.transientFailure(null)).isFalse();
    }

    @Test
    void thePoolsAcquisitionTimeoutAndHibernatesConnectionExceptionAreUnreachable() {
        assertThat(DatabaseFailures.unreachable(new IllegalStateException(new SQLException("Acquisition timeout while waiting for new connection"))))
                .isTrue();
        assertThat(DatabaseFailures.unreachable(new JDBCConnectionException("lost", new SQLException("lost")))).isTrue();
    }

    @Test
    void aCommitCutOffShowsTheConnectionFailureOnlyAsASuppressedException() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.errorCode = XAException.XAER_RMERR;
        xa.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        commit.addSuppressed(xa);
        assertThat(DatabaseFailures.unreachable(new IllegalStateException("commit failed", commit))).isTrue();

        RollbackException withoutCause = new RollbackException("could not commit");
        withoutCause.addSuppressed(new XAException(XAException.XAER_RMFAIL));
        assertThat(DatabaseFailures.unreachable(withoutCause)).isTrue();
        assertThat(DatabaseFailures.unreachable(new XAException(XAException.XA_RBCOMMFAIL))).isTrue();
        assertThat(DatabaseFailures.transientFailure(new XAException(XAException.XAER_PROTO))).isFalse();
    }

    @Test
    void locksConcurrentUpdatesAndTransientJdbcExceptionsAreTransientButNotUnreachable() {
        assertThat(DatabaseFailures.transientFailure(new OptimisticLockException("changed"))).isTrue();
        assertThat(DatabaseFailures.unreachable(new OptimisticLockException("changed"))).isFalse();
        assertThat(DatabaseFailures.transientFailure(new SQLTransientConnectionException("busy"))).isTrue();
    }

    @Test
    void aCycleOfSuppressedExceptionsEnds() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.addSuppressed(second);
        assertThat(DatabaseFailures.transientFailure(first)).isFalse();
        second.addSuppressed(new SQLException("serialization failure", "40001"));
        assertThat(DatabaseFailures.transientFailure(first)).isTrue();
        assertThat(DatabaseFailures.hasState(first, "40001")).isTrue();
        assertThat(DatabaseFailures.hasState(first, "22021")).isFalse();
    }
}
