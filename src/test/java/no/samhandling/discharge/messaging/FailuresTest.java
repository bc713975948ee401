package no.samhandling.discharge.messaging;

import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    @Test
    void a_connection_failure_as_a_cause_is_transient() {
        assertThat(Failures.transientInfrastructure(new IllegalStateException(new SQLException("gone", "08006")))).isTrue();
    }

    @Test
    void a_commit_cut_off_shows_the_database_failure_only_as_a_suppressed_exception() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.errorCode = XAException.XAER_RMERR;
        xa.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        commit.addSuppressed(xa);
        assertThat(Failures.transientInfrastructure(new IllegalStateException("commit failed", commit))).isTrue();
    }

    @Test
    void a_resource_manager_failure_without_a_cause_is_transient() {
        XAException xa = new XAException(XAException.XAER_RMFAIL);
        RollbackException commit = new RollbackException("could not commit");
        commit.addSuppressed(xa);
        assertThat(Failures.transientInfrastructure(commit)).isTrue();
        assertThat(Failures.transientInfrastructure(new XAException(XAException.XA_RBCOMMFAIL))).isTrue();
    }

    @Test
    void other_xa_failures_and_constraint_violations_are_not_transient() {
        assertThat(Failures.transientInfrastructure(new XAException(XAException.XAER_PROTO))).isFalse();
        RollbackException commit = new RollbackException("could not commit");
        commit.addSuppressed(new SQLException("violates check constraint", "23514"));
        assertThat(Failures.transientInfrastructure(commit)).isFalse();
        assertThat(Failures.transientInfrastructure(new SQLException("duplicate", "23505"))).isTrue();
        assertThat(Failures.transientInfrastructure(new IllegalArgumentException("bad"))).isFalse();
        assertThat(Failures.transientInfrastructure(null)).isFalse();
    }

    @Test
    void a_cycle_of_suppressed_exceptions_ends() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.addSuppressed(second);
        assertThat(Failures.transientInfrastructure(first)).isFalse();
        second.addSuppressed(new SQLException("serialization failure", "40001"));
        assertThat(Failures.transientInfrastructure(first)).isTrue();
    }
}
