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
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure of the infrastructure, which may pass if the message is tried again, from a message the
 * service cannot process however often it tries. Only the first kind is retried.
 */
final class Failures {

    private Failures() {
    }

    static boolean transientInfrastructure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof OptimisticLockException || cause instanceof StaleStateException
                    || cause instanceof PessimisticLockException || cause instanceof LockTimeoutException
                    || cause instanceof QueryTimeoutException || cause instanceof TimeoutException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && (transientState(sql.getSQLState()) || acquisitionTimeout(sql))) {
                return true;
            }
            if (cause.getClass().getName().equals("org.hibernate.exception.LockAcquisitionException")
                    || (cause instanceof jakarta.transaction.RollbackException && String.valueOf(cause.getMessage()).contains("timeout"))) {
                return true;
            }
        }
        return false;
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
