package io.tessera.members.internal;

import io.tessera.platform.api.DbErrors;
import io.tessera.platform.api.TesseraException;
import java.util.function.Supplier;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/**
 * Flushes so that a unique index answers now: a concurrent writer that lost the race on it gets the
 * same clear 409 as the check made before it.
 */
final class Flush {

    private Flush() {
    }

    static void orConflict(EntityManager em, Supplier<TesseraException> conflict) {
        try {
            em.flush();
        } catch (PersistenceException ex) {
            if (DbErrors.isUniqueViolation(ex)) {
                throw conflict.get();
            }
            throw ex;
        }
    }
}
