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
}
