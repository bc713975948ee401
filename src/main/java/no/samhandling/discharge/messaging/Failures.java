package no.samhandling.discharge.messaging;

import jakarta.transaction.RollbackException;
import no.samhandling.discharge.database.DatabaseFailures;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure of the infrastructure, which may pass if the message is tried again, from a message the
 * service cannot process however often it tries. Only the first kind is retried.
 */
final class Failures {

    private Failures() {
    }

    /** Looks through the causes and the suppressed exceptions, as {@link DatabaseFailures#anywhere} does. */
    static boolean transientInfrastructure(Throwable failure) {
        return DatabaseFailures.transientFailure(failure) || DatabaseFailures.anywhere(failure, Failures::transientForMessages);
    }

    /** Beyond the database's own: the broker or a network peer not answering, the transaction timed out, a message taken twice. */
    private static boolean transientForMessages(Throwable cause) {
        if (cause instanceof TimeoutException || cause instanceof ConnectException) {
            return true;
        }
        // 23505: the same message handled by two consumers at once (after a rebalance); the retry finds it in the inbox
        if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
            return true;
        }
        return cause instanceof RollbackException && String.valueOf(cause.getMessage()).contains("timeout");
    }
}
