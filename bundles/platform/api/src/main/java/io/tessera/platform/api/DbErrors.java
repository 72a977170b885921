package io.tessera.platform.api;

import java.sql.SQLException;

/** Reads what the database said from an exception chain. */
public final class DbErrors {

    private DbErrors() {
    }

    /** True when a unique or primary key constraint refused the write (SQLState 23505). */
    public static boolean isUniqueViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException && "23505".equals(((SQLException) c).getSQLState())) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /**
     * True when the database rolled the transaction back to break a deadlock or a lock wait (SQLState
     * class 40): the whole transaction is gone, so running it again is safe.
     */
    public static boolean isTransientConflict(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException && ((SQLException) c).getSQLState() != null
                    && ((SQLException) c).getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }
}
