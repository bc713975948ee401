package no.samhandling.discharge.messaging;

import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    @Test
    void a_connection_failure_as_a_cause_is_transient() {
        assertThat(Failures.transientInfrastructure(new IllegalStateException(new SQLException("gone", "08006")))).isTrue();
    }

    /** The database's own kinds are DatabaseFailuresTest's; these are the messaging's, found through a commit's suppressed exceptions too. */
    @Test
    void a_broker_timeout_a_transaction_timeout_and_a_message_taken_twice_are_transient() {
        assertThat(Failures.transientInfrastructure(new IllegalStateException(new TimeoutException("no answer from the broker")))).isTrue();
        assertThat(Failures.transientInfrastructure(new ConnectException("refused"))).isTrue();
        assertThat(Failures.transientInfrastructure(new RollbackException("ARJUNA016102: The transaction is not active! Uid is 0:1 (timeout)")))
                .isTrue();
        RollbackException commit = new RollbackException("could not commit");
        commit.addSuppressed(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(Failures.transientInfrastructure(commit)).isTrue();
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
}
