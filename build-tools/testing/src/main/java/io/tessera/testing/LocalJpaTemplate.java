package io.tessera.testing;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.TransactionRequiredException;
import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * The Aries JPA template's transaction rules on one persistence unit with local transactions: Required joins
 * the thread's transaction or begins one, Mandatory refuses without one, RequiresNew suspends it, Supports
 * joins or runs without, NotSupported suspends, Never refuses inside one. A runtime exception rolls back the
 * transaction it began; the answer of the outermost call is committed.
 */
public final class LocalJpaTemplate implements JpaTemplate {

    private final EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    LocalJpaTemplate(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** True while the calling thread is inside a transaction of this template. */
    public boolean inTransaction() {
        return current.get() != null;
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        EntityManager em = current.get();
        switch (type) {
            case Mandatory:
                if (em == null) {
                    throw new TransactionRequiredException("no transaction is active");
                }
                return code.apply(em);
            case Required:
                return em != null ? code.apply(em) : inNew(code);
            case RequiresNew:
                return suspended(() -> inNew(code));
            case Supports:
                return em != null ? code.apply(em) : withoutTransaction(code);
            case NotSupported:
                return suspended(() -> withoutTransaction(code));
            case Never:
                if (em != null) {
                    throw new IllegalStateException("a transaction is active");
                }
                return withoutTransaction(code);
            default:
                throw new IllegalArgumentException(String.valueOf(type));
        }
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }

    private <R> R inNew(EmFunction<R> code) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        current.set(em);
        try {
            R result = code.apply(em);
            if (tx.getRollbackOnly()) {
                tx.rollback();
            } else {
                tx.commit();
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            current.remove();
            em.close();
        }
    }

    private <R> R withoutTransaction(EmFunction<R> code) {
        EntityManager em = emf.createEntityManager();
        try {
            return code.apply(em);
        } finally {
            em.close();
        }
    }

    private <R> R suspended(java.util.function.Supplier<R> work) {
        EntityManager outer = current.get();
        current.remove();
        try {
            return work.get();
        } finally {
            if (outer != null) {
                current.set(outer);
            }
        }
    }
}
