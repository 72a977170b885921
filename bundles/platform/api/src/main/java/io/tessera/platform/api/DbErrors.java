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
     * True when the database gave up the transaction over a conflict with another one: SQLState class 40
     * (Derby's deadlock and lock timeout, PostgreSQL's deadlock {@code 40P01} and serialization failure
     * {@code 40001}) or PostgreSQL's lock timeout {@code 55P03} (after which its transaction can only roll
     * back). The caller's transaction is lost either way, so running it again is safe.
     */
    public static boolean isTransientConflict(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException && ((SQLException) c).getSQLState() != null) {
                String state = ((SQLException) c).getSQLState();
                if (state.startsWith("40") || "55P03".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
