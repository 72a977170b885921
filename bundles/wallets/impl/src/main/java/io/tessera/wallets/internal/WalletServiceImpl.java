package io.tessera.wallets.internal;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.members.api.ReturnCardGuard;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.work.UnitOfWork;
import io.tessera.wallets.api.Account;
import io.tessera.wallets.api.EntryType;
import io.tessera.wallets.api.OperationResult;
import io.tessera.wallets.api.PaymentMethod;
import io.tessera.wallets.api.Requests;
import io.tessera.wallets.api.WalletMode;
import io.tessera.wallets.api.WalletService;
import io.tessera.wallets.internal.Splits.Parts;
import io.tessera.wallets.internal.WalletSettings.Rules;
import io.tessera.wallets.internal.jpa.AccountEntity;
import io.tessera.wallets.internal.jpa.JournalEntity;
import io.tessera.wallets.internal.jpa.PackageEntity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The money-moving calls. Checks happen before the transaction; inside it the account row is
 * locked, the rule is applied to the locked balances, and {@link Postings} writes the journal row
 * and the ledger. Each runs as the platform's {@link UnitOfWork}: its key and answer commit in the same transaction.
 */
@Component(service = {WalletService.class, ReturnCardGuard.class})
public class WalletServiceImpl implements WalletService, ReturnCardGuard {

    @Reference(target = "(osgi.unit.name=tessera-wallets)")
    private JpaTemplate jpa;

    @Reference
    private OrgService org;

    @Reference
    private MemberService members;

    @Reference
    private UnitOfWork work;

    @Reference
    private WalletSettings settings;

    @Reference
    private Postings postings;

    @Override
    public OperationResult recharge(Requests.Recharge r, String key) {
        Caller caller = CallerContext.current();
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        Money amount = positive("amount", r.amount);
        Money fee = r.cardFee == null ? Money.ZERO : notNegative("cardFee", r.cardFee);
        PaymentMethod method = Checks.required("method", r.method);
        Rules rules = settings.rules();
        if (amount.compareTo(rules.rechargeMin()) < 0) {
            throw TesseraException.rule("RECHARGE_BELOW_MINIMUM", "the smallest recharge is " + rules.rechargeMin(), "amount");
        }
        if (rules.rechargeMax() != null && amount.compareTo(rules.rechargeMax()) > 0) {
            throw TesseraException.rule("RECHARGE_ABOVE_MAXIMUM", "the largest recharge is " + rules.rechargeMax(), "amount");
        }
        Store store = storeFor(caller, r.storeId);
        Member member = activeMember(r.memberId);
        String reference = Checks.optionalText("reference", r.reference, 64);
        String remark = Checks.optionalText("remark", r.remark, 500);
        long scope = scopeOf(rules, store);
        if (rules.prestored()) {
            ensureAccount(member, scope);
        }
        postings.prepareLedgerDay(store.id);
        return work.run("wallets.recharge", key, r, OperationResult.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            PackageEntity pkg = r.packageId == null ? null : validPackage(em, r.packageId, amount);
            AccountEntity account = lockAccount(em, member.id, scope)
                    .orElseThrow(() -> TesseraException.rule("WALLET_NOT_OPEN",
                            "the member has no account here yet: open it first (direct opening is configured)", "memberId"));
            Postings.Details d = new Postings.Details();
            d.method = method.name();
            d.reference = reference;
            d.remark = remark;
            d.cardFee = fee.isZero() ? null : fee.toBigDecimal();
            long bonus = pkg == null ? 0 : Money.of(pkg.bonusAmount).toFen();
            JournalEntity j = postings.post(em, account, EntryType.RECHARGE, amount.toFen(), bonus, store.id, d);
            account.status = Account.Status.OPEN.name();
            OperationResult result = result(j, account, member.name);
            result.packageName = pkg == null ? null : pkg.name;
            return result;
        }));
    }

    @Override
    public OperationResult reverseRecharge(Requests.Reverse r, String key) {
        Caller caller = CallerContext.current();
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        long entryId = Checks.required("rechargeEntryId", r.rechargeEntryId);
        String reason = Checks.optionalText("reason", r.reason, 500);
        prepareLedgerOfEntry(entryId);
        return work.run("wallets.reverse", key, r, OperationResult.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            JournalEntity recharge = entry(em, entryId, EntryType.RECHARGE, caller, "RECHARGE_NOT_FOUND", "rechargeEntryId");
            AccountEntity account = lockAccount(em, recharge.accountId);
            long principal = Money.of(recharge.principalDelta).toFen();
            long bonus = Money.of(recharge.bonusDelta).toFen();
            ReversalRule.check(countRelated(em, recharge.id, EntryType.REVERSAL) > 0, principal, bonus,
                    Money.of(account.principal).toFen(), Money.of(account.bonus).toFen());
            Postings.Details d = new Postings.Details();
            d.method = recharge.method;
            d.relatedEntryId = recharge.id;
            d.reference = recharge.reference;
            d.remark = reason;
            return result(postings.post(em, account, EntryType.REVERSAL, -principal, -bonus, recharge.storeId, d), account,
                    nameOf(account.memberId));
        }));
    }

    @Override
    public OperationResult pay(Requests.Pay r, String key) {
        Caller caller = CallerContext.current();
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        Money amount = positive("amount", r.amount);
        Store store = storeFor(caller, r.storeId);
        Member member = activeMember(r.memberId);
        String orderNo = Checks.optionalText("orderNo", r.orderNo, 64);
        String cardNo = Checks.optionalText("cardNo", r.cardNo, 64);
        String remark = Checks.optionalText("remark", r.remark, 500);
        Rules rules = settings.rules();
        long scope = scopeOf(rules, store);
        BigDecimal rate = member.discountRate;
        Money payable = amount.times(rate, RoundingMode.HALF_UP);
        postings.prepareLedgerDay(store.id);
        return work.run("wallets.pay", key, r, OperationResult.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity account = lockAccount(em, member.id, scope).orElseThrow(() -> TesseraException.rule(
                    "WALLET_INSUFFICIENT_BALANCE", "the member holds no stored value here", "amount"));
            long principal = Money.of(account.principal).toFen();
            long bonus = Money.of(account.bonus).toFen();
            if (payable.toFen() > principal + bonus) {
                throw TesseraException.rule("WALLET_INSUFFICIENT_BALANCE",
                        "the balance " + Money.ofFen(principal + bonus) + " does not cover " + payable, "amount");
            }
            Parts parts = Splits.payment(payable.toFen(), principal, bonus, rules.split());
            Postings.Details d = new Postings.Details();
            d.reference = orderNo;
            d.cardNo = cardNo;
            d.remark = remark;
            d.originalAmount = amount.toBigDecimal();
            OperationResult result = result(postings.post(em, account, EntryType.CONSUME, -parts.principalFen(),
                    -parts.bonusFen(), store.id, d), account, member.name);
            result.discountRate = rate;
            result.payable = payable;
            return result;
        }));
    }

    @Override
    public OperationResult refund(Requests.Refund r, String key) {
        Caller caller = CallerContext.current();
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        long entryId = Checks.required("paymentEntryId", r.paymentEntryId);
        Money amount = positive("amount", r.amount);
        String reason = Checks.optionalText("reason", r.reason, 500);
        prepareLedgerOfEntry(entryId);
        return work.run("wallets.refund", key, r, OperationResult.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            JournalEntity payment = entry(em, entryId, EntryType.CONSUME, caller, "PAYMENT_NOT_FOUND", "paymentEntryId");
            AccountEntity account = lockAccount(em, payment.accountId);
            Parts original = new Parts(-Money.of(payment.principalDelta).toFen(), -Money.of(payment.bonusDelta).toFen());
            Parts before = related(em, payment.id, EntryType.REFUND);
            long refundable = original.totalFen() - before.totalFen();
            if (amount.toFen() > refundable) {
                throw TesseraException.rule("REFUND_EXCEEDS_PAYMENT",
                        "at most " + Money.ofFen(refundable) + " of this payment can still be refunded", "amount");
            }
            Parts parts = Splits.refund(amount.toFen(), original, before);
            Postings.Details d = new Postings.Details();
            d.relatedEntryId = payment.id;
            d.reference = payment.reference;
            d.cardNo = payment.cardNo;
            d.remark = reason;
            return result(postings.post(em, account, EntryType.REFUND, parts.principalFen(), parts.bonusFen(),
                    payment.storeId, d), account, nameOf(account.memberId));
        }));
    }

    @Override
    public OperationResult storedValueRefund(Requests.StoredValueRefund r, String key) {
        Caller caller = CallerContext.current();
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        Store store = storeFor(caller, r.storeId);
        Member member = knownMember(r.memberId);
        PaymentMethod method = Checks.required("method", r.method);
        String reason = Checks.optionalText("reason", r.reason, 500);
        long scope = scopeOf(settings.rules(), store);
        postings.prepareLedgerDay(store.id);
        return work.run("wallets.sv-refund", key, r, OperationResult.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity account = lockAccount(em, member.id, scope).orElseThrow(() -> TesseraException.rule(
                    "WALLET_EMPTY", "the member holds no stored value here", "memberId"));
            long principal = Money.of(account.principal).toFen();
            long bonus = Money.of(account.bonus).toFen();
            if (principal == 0 && bonus == 0) {
                throw TesseraException.rule("WALLET_EMPTY", "the account is already empty", "memberId");
            }
            Postings.Details d = new Postings.Details();
            d.method = method.name();
            d.originalAmount = Money.ofFen(principal).toBigDecimal();
            d.remark = reason;
            JournalEntity j = postings.post(em, account, EntryType.SV_REFUND, -principal, -bonus, store.id, d);
            account.status = Account.Status.CLOSED.name();
            return result(j, account, member.name);
        }));
    }

    @Override
    public OperationResult adjust(Requests.Adjust r, String key) {
        Caller caller = CallerContext.current();
        caller.requireAnyRole(Role.HQ_ADMIN, Role.FINANCE);
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        Store store = storeFor(caller, r.storeId);
        Member member = knownMember(r.memberId);
        Money principal = r.principalDelta == null ? Money.ZERO : r.principalDelta;
        Money bonus = r.bonusDelta == null ? Money.ZERO : r.bonusDelta;
        if (principal.isZero() && bonus.isZero()) {
            throw TesseraException.invalid("principalDelta", "ADJUSTMENT_EMPTY", "an adjustment moves principal or bonus");
        }
        String reason = Checks.text("reason", r.reason, 500);
        long scope = scopeOf(settings.rules(), store);
        ensureAccount(member, scope);
        postings.prepareLedgerDay(store.id);
        return work.run("wallets.adjust", key, r, OperationResult.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity account = lockAccount(em, member.id, scope).orElseThrow();
            Postings.Details d = new Postings.Details();
            d.remark = reason;
            return result(postings.post(em, account, EntryType.ADJUSTMENT, principal.toFen(), bonus.toFen(), store.id, d), account,
                    member.name);
        }));
    }

    @Override
    public Account open(Requests.OpenAccount r) {
        Caller caller = CallerContext.current();
        Checks.required("body", r);
        Store store = storeFor(caller, r.storeId);
        Member member = activeMember(r.memberId);
        long scope = scopeOf(settings.rules(), store);
        ensureAccount(member, scope);
        return jpa.txExpr(TransactionType.Supports, em -> withName(Dtos.account(findAccount(em, member.id, scope).orElseThrow()),
                member.name));
    }

    @Override
    public Account prepareMigration(long memberId, long storeId) {
        Caller caller = CallerContext.current();
        Store store = storeFor(caller, storeId);
        Member member = activeMember(memberId);
        long scope = scopeOf(settings.rules(), store);
        ensureAccount(member, scope);
        postings.prepareLedgerDay(store.id);
        return jpa.txExpr(TransactionType.Supports, em -> withName(Dtos.account(findAccount(em, member.id, scope).orElseThrow()),
                member.name));
    }

    @Override
    public OperationResult creditMigration(Requests.MigrationCredit r) {
        Caller caller = CallerContext.current();
        Checks.required("body", r);
        Money amount = positive("amount", r.amount);
        Store store = storeFor(caller, r.storeId);
        Member member = activeMember(r.memberId);
        String cardNo = Checks.text("cardNo", r.cardNo, 64);
        long scope = scopeOf(settings.rules(), store);
        return jpa.txExpr(TransactionType.Mandatory, em -> {
            AccountEntity account = lockAccount(em, member.id, scope).orElseThrow(() -> new IllegalStateException(
                    "prepareMigration was not called for member " + member.id + " in store " + store.id));
            Postings.Details d = new Postings.Details();
            d.cardNo = cardNo;
            d.reference = Checks.optionalText("reference", r.reference, 64);
            d.remark = Checks.optionalText("remark", r.remark, 500);
            JournalEntity j = postings.post(em, account, EntryType.MIGRATION_IN, amount.toFen(), 0, store.id, d);
            account.status = Account.Status.OPEN.name();
            return result(j, account, member.name);
        });
    }

    @Override
    public List<Account> accountsOf(long memberId) {
        Caller caller = CallerContext.current();
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT a FROM AccountEntity a WHERE a.memberId = :m ORDER BY a.id", AccountEntity.class)
                .setParameter("m", memberId).getResultList().stream()
                .filter(a -> Visibility.sees(em, caller, a))
                .map(a -> withName(Dtos.account(a), nameOf(memberId))).collect(Collectors.toList()));
    }

    @Override
    public Optional<String> refusal(long memberId) {
        BigDecimal held = jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT SUM(a.principal + a.bonus) FROM AccountEntity a WHERE a.memberId = :m", BigDecimal.class)
                .setParameter("m", memberId).getSingleResult());
        if (held != null && held.signum() > 0) {
            return Optional.of("stored value " + Money.of(held) + " remains: refund it first");
        }
        return Optional.empty();
    }

    // ---- helpers

    private static Money positive(String field, Money m) {
        Checks.required(field, m);
        if (!m.isPositive()) {
            throw TesseraException.invalid(field, "AMOUNT_INVALID", field + " must be more than 0");
        }
        return m;
    }

    private static Money notNegative(String field, Money m) {
        if (m.isNegative()) {
            throw TesseraException.invalid(field, "AMOUNT_INVALID", field + " must not be negative");
        }
        return m;
    }

    private Store storeFor(Caller caller, Long storeId) {
        long id = Checks.required("storeId", storeId);
        caller.requireStore(id);
        Store store = org.findStore(id).orElseThrow(() -> TesseraException.invalid("storeId", "STORE_NOT_FOUND", "no store " + id));
        if (store.status != Store.Status.OPEN) {
            throw TesseraException.rule("STORE_CLOSED", "store " + store.code + " is closed", "storeId");
        }
        return store;
    }

    private Member knownMember(Long memberId) {
        long id = Checks.required("memberId", memberId);
        return members.lookup(id).orElseThrow(() -> TesseraException.notFound("MEMBER_NOT_FOUND", "no such member"));
    }

    private Member activeMember(Long memberId) {
        Member m = knownMember(memberId);
        if (m.status != Member.Status.ACTIVE) {
            throw TesseraException.rule("MEMBER_RETURNED", "the member's card was returned", "memberId");
        }
        return m;
    }

    private static long scopeOf(Rules rules, Store store) {
        return rules.modeFor(store.formatCode) == WalletMode.STORE ? store.id : AccountEntity.CHAIN;
    }

    /** Creates the account (before the money-moving transaction) if missing. */
    private void ensureAccount(Member member, long scope) {
        postings.insertIfMissing(em -> findAccount(em, member.id, scope).isEmpty(), () -> {
            AccountEntity a = new AccountEntity();
            a.memberId = member.id;
            a.memberNo = member.memberNo;
            a.memberStoreId = member.registeredStoreId;
            a.scopeStoreId = scope;
            a.principal = Postings.fen(0);
            a.bonus = Postings.fen(0);
            a.status = Account.Status.OPEN.name();
            a.openedAt = BusinessTime.now();
            return a;
        });
    }

    /** Refunds and reversals move money in the store of the entry they undo. */
    private void prepareLedgerOfEntry(long entryId) {
        JournalEntity e = jpa.txExpr(TransactionType.Supports, em -> em.find(JournalEntity.class, entryId));
        if (e != null) {
            postings.prepareLedgerDay(e.storeId);
        }
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
    private static Optional<AccountEntity> lockAccount(EntityManager em, long memberId, long scope) {
        return locked(em.createQuery("SELECT a FROM AccountEntity a WHERE a.memberId = :m AND a.scopeStoreId = :s", AccountEntity.class)
                .setParameter("m", memberId).setParameter("s", scope)).getResultList().stream().findFirst();
    }

    private static AccountEntity lockAccount(EntityManager em, long accountId) {
        return locked(em.createQuery("SELECT a FROM AccountEntity a WHERE a.id = :id", AccountEntity.class)
                .setParameter("id", accountId)).getSingleResult();
    }

    private static TypedQuery<AccountEntity> locked(TypedQuery<AccountEntity> query) {
        // eclipselink.refresh: an entity already in the persistence context is overwritten by what was read.
        return query.setLockMode(LockModeType.PESSIMISTIC_WRITE).setHint("eclipselink.refresh", "true");
    }

    private static JournalEntity entry(EntityManager em, long id, EntryType type, Caller caller, String code, String field) {
        JournalEntity e = em.find(JournalEntity.class, id);
        if (e == null || !type.name().equals(e.type) || !caller.canAccessStore(e.storeId)) {
            throw TesseraException.notFound(code, "no " + type.name().toLowerCase() + " entry " + id + " here");
        }
        return e;
    }

    /** What earlier entries of a type related to an entry moved, as positive parts. */
    private static Parts related(EntityManager em, long entryId, EntryType type) {
        Object[] sums = em.createQuery("SELECT SUM(j.principalDelta), SUM(j.bonusDelta) FROM JournalEntity j "
                        + "WHERE j.relatedEntryId = :id AND j.type = :t", Object[].class)
                .setParameter("id", entryId).setParameter("t", type.name()).getSingleResult();
        long p = sums[0] == null ? 0 : Money.of((BigDecimal) sums[0]).toFen();
        long b = sums[1] == null ? 0 : Money.of((BigDecimal) sums[1]).toFen();
        return new Parts(Math.abs(p), Math.abs(b));
    }

    private static long countRelated(EntityManager em, long entryId, EntryType type) {
        return em.createQuery("SELECT COUNT(j) FROM JournalEntity j WHERE j.relatedEntryId = :id AND j.type = :t", Long.class)
                .setParameter("id", entryId).setParameter("t", type.name()).getSingleResult();
    }

    private static PackageEntity validPackage(EntityManager em, long id, Money amount) {
        PackageEntity p = em.find(PackageEntity.class, id);
        if (p == null || !p.enabled) {
            throw TesseraException.invalid("packageId", "PACKAGE_NOT_FOUND", "no active recharge package " + id);
        }
        var today = BusinessTime.today();
        if (today.isBefore(p.validFrom) || today.isAfter(p.validTo)) {
            throw TesseraException.rule("PACKAGE_NOT_VALID", "package " + p.name + " is valid from " + p.validFrom + " to " + p.validTo,
                    "packageId");
        }
        if (Money.of(p.payAmount).compareTo(amount) != 0) {
            throw TesseraException.rule("PACKAGE_AMOUNT_MISMATCH", "package " + p.name + " is for a payment of " + Money.of(p.payAmount),
                    "amount");
        }
        return p;
    }

    private static OperationResult result(JournalEntity j, AccountEntity a, String memberName) {
        OperationResult r = new OperationResult();
        r.entry = Dtos.entry(j);
        r.account = Dtos.account(a);
        r.account.memberName = memberName;
        return r;
    }

    private static Account withName(Account a, String memberName) {
        a.memberName = memberName;
        return a;
    }

    private String nameOf(long memberId) {
        return members.lookup(memberId).map(m -> m.name).orElse(null);
    }
}
