package io.tessera.points.internal;

import io.tessera.members.api.Member;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.DbErrors;
import io.tessera.platform.api.work.UnitOfWork;
import io.tessera.points.internal.jpa.AccountEntity;
import java.util.List;
import java.util.Optional;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * Points accounts: which account a store's points go to (the chain's, or the store's in STORE mode), made
 * when missing apart from the caller's transaction (nobody can hold a lock on a row that does not exist yet;
 * a concurrent maker wins harmlessly), and what a store-level caller may see.
 */
final class Accounts {

    /** SCOPE_STORE_ID of the chain's account. */
    static final long CHAIN = 0L;

    private final JpaTemplate jpa;
    private final UnitOfWork work;
    private final PointsSettings settings;

    Accounts(JpaTemplate jpa, UnitOfWork work, PointsSettings settings) {
        this.jpa = jpa;
        this.work = work;
        this.settings = settings;
    }

    long scopeOf(long storeId) {
        return settings.program().mode() == PointsSettings.Mode.STORE ? storeId : CHAIN;
    }

    /** The account's id, made if missing (safe inside a transaction: see {@link UnitOfWork#apart}). */
    long ensure(EntityManager em, Member member, long scope) {
        Optional<AccountEntity> found = find(em, member.id, scope);
        if (found.isPresent()) {
            return found.get().id;
        }
        work.apart(() -> {
            try {
                jpa.tx(TransactionType.Required, apart -> {
                    if (find(apart, member.id, scope).isEmpty()) {
                        AccountEntity a = new AccountEntity();
                        a.memberId = member.id;
                        a.memberStoreId = member.registeredStoreId == null ? 0 : member.registeredStoreId;
                        a.scopeStoreId = scope;
                        a.openedAt = BusinessTime.now();
                        apart.persist(a);
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
        return find(em, member.id, scope).orElseThrow(() -> new IllegalStateException("no points account for member " + member.id)).id;
    }

    static Optional<AccountEntity> find(EntityManager em, long memberId, long scope) {
        return em.createQuery("SELECT a FROM AccountEntity a WHERE a.memberId = :m AND a.scopeStoreId = :s", AccountEntity.class)
                .setParameter("m", memberId).setParameter("s", scope).getResultList().stream().findFirst();
    }

    /**
     * A store-level caller sees the accounts of members registered at their stores (as for the members themselves)
     * and, when points are kept per store, their stores' own accounts; headquarters everything.
     */
    static boolean sees(Caller caller, AccountEntity a) {
        return caller.seesAllStores() || caller.getStoreIds().contains(a.memberStoreId)
                || a.scopeStoreId != CHAIN && caller.getStoreIds().contains(a.scopeStoreId);
    }

    static List<AccountEntity> ofMember(EntityManager em, long memberId) {
        return em.createQuery("SELECT a FROM AccountEntity a WHERE a.memberId = :m ORDER BY a.scopeStoreId", AccountEntity.class)
                .setParameter("m", memberId).getResultList();
    }
}
