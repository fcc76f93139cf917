package org.mandate.app.outage;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Tells apart, by its causes, a failure that says the database is out of reach and one whose outcome is unknown. */
public final class Faults {

    /**
     * H2's codes for a database it closed or cannot write: 90028 and 90031 (I/O errors), 90098 (database closed),
     * 90100 (no disk space), 90121 (called at shutdown), 90030 (file corrupted, as a full disk may leave a write).
     */
    private static final Set<Integer> H2_UNUSABLE = Set.of(90028, 90030, 90031, 90098, 90100, 90121);

    private Faults() {
    }

    /** The database (or the connection to it) is gone: nothing the caller sent could have been checked or stored. */
    public static boolean databaseUnreachable(Throwable failure) {
        boolean fromTheDatabase = false;
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            fromTheDatabase |= cause instanceof SQLException;
            if (fromTheDatabase && cause instanceof IOException) {
                // the database could not read or write its files (H2: a full disk under an MVStore error)
                return true;
            }
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql && unusable(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The commit itself failed: the database may or may not have made the change durable before the failure (a
     * connection lost during commit, a disk that filled while writing), so nobody can say "nothing was changed".
     */
    public static boolean outcomeUnknown(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof CommitOutcomeUnknown) {
                return true;
            }
        }
        return false;
    }

    private static boolean unusable(SQLException sql) {
        String state = sql.getSQLState();
        // class 08: connection exception; 57P01-57P03: PostgreSQL shutting down or not accepting connections
        return state != null && (state.startsWith("08") || state.startsWith("57P"))
                || H2_UNUSABLE.contains(sql.getErrorCode());
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof SQLException sql && sql.getNextException() != null && cause.getCause() == null) {
            return sql.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
