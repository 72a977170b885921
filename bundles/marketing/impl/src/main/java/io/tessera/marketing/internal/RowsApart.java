package io.tessera.marketing.internal;

import io.tessera.platform.api.DbErrors;
import io.tessera.platform.api.work.UnitOfWork;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * A counter row a conditional update will count on, made when missing in a short transaction of its own
 * ({@link UnitOfWork#apart}), so the caller's transaction only ever updates it; two callers making it at once keep one
 * (the other's unique violation is the answer "it is there").
 */
final class RowsApart {

    private final JpaTemplate jpa;
    private final UnitOfWork work;

    RowsApart(JpaTemplate jpa, UnitOfWork work) {
        this.jpa = jpa;
        this.work = work;
    }

    /** Makes the row {@code make} gives unless {@code exists} finds it (looked at in {@code em}, then apart). */
    void ensure(EntityManager em, Predicate<EntityManager> exists, Supplier<Object> make) {
        if (exists.test(em)) {
            return;
        }
        work.apart(() -> {
            try {
                jpa.tx(TransactionType.Required, apart -> {
                    if (!exists.test(apart)) {
                        apart.persist(make.get());
                        apart.flush();
                    }
                });
            } catch (RuntimeException e) {
                if (!DbErrors.isUniqueViolation(e)) {
                    throw e;
                }
            }
            return null;
        });
    }
}
