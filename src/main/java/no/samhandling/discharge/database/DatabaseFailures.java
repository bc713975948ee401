package no.samhandling.discharge.database;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

import javax.transaction.xa.XAException;

/**
 * Tells from a failure whether the database is away ({@link #unreachable}) or only said "not now"
 * ({@link #transientFailure}): both may pass if the work is tried again, unlike a refusal of the data itself.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * The connection to PostgreSQL was lost or cannot be had. Lost during COMMIT, the transaction's outcome is
     * unknown to the caller.
     */
    public static boolean unreachable(Throwable failure) {
        return anywhere(failure, DatabaseFailures::unreachableItself);
    }

    /** The database is away, or refused for now: a rollback, a lock, a timeout, too few resources, a concurrent update. */
    public static boolean transientFailure(Throwable failure) {
        return anywhere(failure, DatabaseFailures::transientItself);
    }

    /**
     * Whether the failure, one of its causes or one of their suppressed exceptions is of the kind: a commit cut off
     * because the database went away shows its connection failure only as an exception suppressed under the
     * transaction manager's own.
     */
    public static boolean anywhere(Throwable failure, Predicate<Throwable> kind) {
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
            if (kind.test(next)) {
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

    /** Whether the failure, a cause or a suppressed exception carries this SQLSTATE. */
    public static boolean hasState(Throwable failure, String state) {
        return anywhere(failure, cause -> cause instanceof SQLException sql && state.equals(sql.getSQLState()));
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P (the server shutting down or not yet taking connections), no
     * connection from the pool in time, or the resource manager gone from the XA transaction.
     */
    private static boolean unreachableItself(Throwable cause) {
        if (cause instanceof JDBCConnectionException) {
            return true;
        }
        if (cause instanceof SQLException sql && (unreachableState(sql.getSQLState()) || acquisitionTimeout(sql))) {
            return true;
        }
        // XAER_RMFAIL: the resource manager (the database) became unavailable; XA_RBCOMMFAIL: rolled back, communication failed
        return cause instanceof XAException xa && (xa.errorCode == XAException.XAER_RMFAIL || xa.errorCode == XAException.XA_RBCOMMFAIL);
    }

    private static boolean transientItself(Throwable cause) {
        if (unreachableItself(cause)) {
            return true;
        }
        if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                || cause instanceof OptimisticLockException || cause instanceof StaleStateException
                || cause instanceof PessimisticLockException || cause instanceof LockTimeoutException
                || cause instanceof QueryTimeoutException) {
            return true;
        }
        return (cause instanceof SQLException sql && notNowState(sql.getSQLState()))
                || cause.getClass().getName().equals("org.hibernate.exception.LockAcquisitionException");
    }

    private static boolean unreachableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /**
     * SQLSTATE classes that say "not now": 40 transaction rollback (serialization failure, deadlock), 53 insufficient
     * resources, 57 operator intervention (a statement cancelled or timed out, the server shutting down), 58 system error.
     */
    private static boolean notNowState(String state) {
        return state != null && state.length() >= 2
                && switch (state.substring(0, 2)) {
                    case "40", "53", "57", "58" -> true;
                    default -> false;
                };
    }

    /** Agroal's pool gives up waiting for a connection with a plain SQLException. */
    private static boolean acquisitionTimeout(SQLException sql) {
        return sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout");
    }
}
