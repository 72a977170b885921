package io.tessera.wallets.internal;

import io.tessera.platform.api.Caller;
import io.tessera.wallets.internal.jpa.AccountEntity;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.EntityManager;

/**
 * What a store-level caller may see of wallets: accounts of their stores, accounts of members
 * registered at their stores, and chain accounts that transacted in their stores. Headquarters
 * sees everything. The same rule as a JPQL condition for the list queries.
 */
final class Visibility {

    private Visibility() {
    }

    static boolean sees(EntityManager em, Caller caller, AccountEntity a) {
        if (caller.seesAllStores() || caller.getStoreIds().contains(a.scopeStoreId) || caller.getStoreIds().contains(a.memberStoreId)) {
            return true;
        }
        return a.scopeStoreId == AccountEntity.CHAIN && !caller.getStoreIds().isEmpty() && !em
                .createQuery("SELECT j.id FROM JournalEntity j WHERE j.accountId = :a AND j.storeId IN :stores", Long.class)
                .setParameter("a", a.id).setParameter("stores", stores(caller)).setMaxResults(1).getResultList().isEmpty();
    }

    /** JPQL condition on account alias {@code a}, with parameter {@code :stores}; null for headquarters. */
    static String accountCondition(Caller caller) {
        if (caller.seesAllStores()) {
            return null;
        }
        return "(a.scopeStoreId IN :stores OR a.memberStoreId IN :stores OR (a.scopeStoreId = 0 AND EXISTS "
                + "(SELECT j.id FROM JournalEntity j WHERE j.accountId = a.id AND j.storeId IN :stores)))";
    }

    static List<Long> stores(Caller caller) {
        List<Long> s = new ArrayList<>(caller.getStoreIds());
        if (s.isEmpty()) {
            s.add(-1L);
        }
        return s;
    }
}
