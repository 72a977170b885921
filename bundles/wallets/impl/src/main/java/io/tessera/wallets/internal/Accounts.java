package io.tessera.wallets.internal;

import io.tessera.platform.api.PlatformErrors;
import io.tessera.members.api.MemberErrors;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Money;
import io.tessera.wallets.api.Account;
import io.tessera.wallets.api.OperationResult;
import io.tessera.wallets.api.WalletMode;
import io.tessera.wallets.internal.WalletSettings.Rules;
import io.tessera.wallets.internal.jpa.AccountEntity;
import io.tessera.wallets.internal.jpa.JournalEntity;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

/**
 * What the use cases and the participant API share: the store and member a call may act for, the
 * account of a member in a store's scope (created when missing, locked and read afresh), and the
 * answer of a money-moving call. A plain object: each component makes its own.
 */
final class Accounts {

    private final OrgService org;
    private final MemberService members;
    private final WalletSettings settings;
    private final Postings postings;

    Accounts(OrgService org, MemberService members, WalletSettings settings, Postings postings) {
        this.org = org;
        this.members = members;
        this.settings = settings;
        this.postings = postings;
    }

    Rules rules() {
        return settings.rules();
    }

    static Money positive(String field, Money m) {
        Checks.required(field, m);
        if (!m.isPositive()) {
            throw PlatformErrors.AMOUNT_INVALID.at(field, field + " must be more than 0");
        }
        return m;
    }

    static Money notNegative(String field, Money m) {
        if (m.isNegative()) {
            throw PlatformErrors.AMOUNT_INVALID.at(field, field + " must not be negative");
        }
        return m;
    }

    /** The store the caller acts in: it exists, the caller may act in it, it is open. */
    Store storeFor(Long storeId) {
        return org.actingStore(storeId);
    }

    Member knownMember(Long memberId) {
        long id = Checks.required("memberId", memberId);
        return members.lookup(id).orElseThrow(() -> MemberErrors.MEMBER_NOT_FOUND.error("no such member"));
    }

    Member activeMember(Long memberId) {
        Member m = knownMember(memberId);
        if (m.status != Member.Status.ACTIVE) {
            throw MemberErrors.MEMBER_RETURNED.at("memberId", "the member's card was returned");
        }
        return m;
    }

    String nameOf(long memberId) {
        return members.lookup(memberId).map(m -> m.name).orElse(null);
    }

    /** The account scope of a store: the store in store mode, the chain in unified mode. */
    long scopeOf(Store store) {
        return settings.rules().modeFor(store.formatCode) == WalletMode.STORE ? store.id : AccountEntity.CHAIN;
    }

    /** Creates the account if missing, apart from the caller's transaction (safe inside one: see Postings#insertIfMissing). */
    void ensureAccount(Member member, long scope) {
        postings.insertIfMissing(em -> findAccount(em, member.id, scope).isEmpty(), () -> {
            AccountEntity a = new AccountEntity();
            a.memberId = member.id;
            a.memberNo = member.memberNo;
            a.memberStoreId = member.registeredStoreId;
            a.scopeStoreId = scope;
            a.principal = Postings.fen(0);
            a.bonus = Postings.fen(0);
            a.held = Postings.fen(0);
            a.status = Account.Status.OPEN.name();
            a.openedAt = BusinessTime.now();
            return a;
        });
    }

    static Optional<AccountEntity> findAccount(EntityManager em, long memberId, long scope) {
        return em.createQuery("SELECT a FROM AccountEntity a WHERE a.memberId = :m AND a.scopeStoreId = :s", AccountEntity.class)
                .setParameter("m", memberId).setParameter("s", scope).getResultList().stream().findFirst();
    }

    /**
     * Locks the account row and reads it afresh under the lock, in one statement (SELECT ... FOR
     * UPDATE, refreshing what the persistence context may hold): a balance read before the lock was
     * taken could be stale and lose an update.
     */
    static Optional<AccountEntity> lockAccount(EntityManager em, long memberId, long scope) {
        return locked(em.createQuery("SELECT a FROM AccountEntity a WHERE a.memberId = :m AND a.scopeStoreId = :s", AccountEntity.class)
                .setParameter("m", memberId).setParameter("s", scope)).getResultList().stream().findFirst();
    }

    static AccountEntity lockAccount(EntityManager em, long accountId) {
        return locked(em.createQuery("SELECT a FROM AccountEntity a WHERE a.id = :id", AccountEntity.class)
                .setParameter("id", accountId)).getSingleResult();
    }

    private static TypedQuery<AccountEntity> locked(TypedQuery<AccountEntity> query) {
        // eclipselink.refresh: an entity already in the persistence context is overwritten by what was read.
        return query.setLockMode(LockModeType.PESSIMISTIC_WRITE).setHint("eclipselink.refresh", "true");
    }

    static OperationResult result(JournalEntity j, AccountEntity a, String memberName) {
        OperationResult r = new OperationResult();
        r.entry = Dtos.entry(j);
        r.account = Dtos.account(a);
        r.account.memberName = memberName;
        return r;
    }
}
