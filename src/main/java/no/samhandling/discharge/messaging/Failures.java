package no.samhandling.discharge.messaging;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import javax.transaction.xa.XAException;

/**
 * Tells a failure of the infrastructure, which may pass if the message is tried again, from a message the
 * service cannot process however often it tries. Only the first kind is retried.
 */
final class Failures {

    private Failures() {
    }

    /**
     * Looks through the causes and the suppressed exceptions: a commit cut off because the database went away
     * shows its connection failure only as an exception suppressed under the transaction manager's own.
     */
    static boolean transientInfrastructure(Throwable failure) {
        Deque<Throwable> toLook = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (failure != null) {
            toLook.push(failure);
        }
        while (!toLook.isEmpty()) {
            Throwable next = toLook.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (transientItself(next)) {
                return true;
            }
            if (next.getCause() != null) {
                toLook.push(next.getCause());
            }
            for (Throwable suppressed : next.getSuppressed()) {
                toLook.push(suppressed);
            }
        }
        return false;
    }

    private static boolean transientItself(Throwable cause) {
        if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                || cause instanceof OptimisticLockException || cause instanceof StaleStateException
                || cause instanceof PessimisticLockException || cause instanceof LockTimeoutException
                || cause instanceof QueryTimeoutException || cause instanceof TimeoutException || cause instanceof ConnectException) {
            return true;
        }
        if (cause instanceof SQLException sql && (transientState(sql.getSQLState()) || acquisitionTimeout(sql))) {
            return true;
        }
        // XAER_RMFAIL: the resource manager (the database) became unavailable; XA_RBCOMMFAIL: rolled back, communication failed
        if (cause instanceof XAException xa && (xa.errorCode == XAException.XAER_RMFAIL || xa.errorCode == XAException.XA_RBCOMMFAIL)) {
            return true;
        }
        return cause.getClass().getName().equals("org.hibernate.exception.LockAcquisitionException")
                || (cause instanceof jakarta.transaction.RollbackException && String.valueOf(cause.getMessage()).contains("timeout"));
    }

    /**
     * SQLSTATE classes that say "not now": 08 connection exception, 40 transaction rollback (serialization
     * failure, deadlock), 53 insufficient resources, 57 operator intervention (the server shutting down),
     * 58 system error.
     */
    private static boolean transientState(String state) {
        return state != null && state.length() >= 2
                && switch (state.substring(0, 2)) {
                    case "08", "40", "53", "57", "58" -> true;
                    // 23505: the same message handled by two consumers at once (after a rebalance); the retry finds it in the inbox
                    case "23" -> "23505".equals(state);
                    default -> false;
                };
    }

    /** Agroal's pool gives up waiting for a connection with a plain SQLException. */
    private static boolean acquisitionTimeout(SQLException sql) {
        return sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout");
    }
}
