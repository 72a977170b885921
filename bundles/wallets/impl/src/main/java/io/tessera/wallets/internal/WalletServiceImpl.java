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
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.api.work.UnitOfWork;
import io.tessera.wallets.api.Account;
import io.tessera.wallets.api.EntryType;
import io.tessera.wallets.api.JournalEntry;
import io.tessera.wallets.api.Movement;
import io.tessera.wallets.api.OperationResult;
import io.tessera.wallets.api.RechargePromotions;
import io.tessera.wallets.api.Requests;
import io.tessera.wallets.api.WalletErrors;
import io.tessera.wallets.api.WalletParticipant;
import io.tessera.wallets.api.WalletService;
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
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The money-moving use cases of the faces. Each checks first, then runs once as the platform's
 * {@link UnitOfWork} (its key and answer commit in the same transaction); inside it the account row is
 * locked, the rule applied to the locked balances, and {@link Postings} writes the journal row, the
 * ledger and the event. Member pay is the level discount over the participant debit.
 */
@Component(service = {WalletService.class, ReturnCardGuard.class})
public class WalletServiceImpl implements WalletService, ReturnCardGuard {

    private final JpaTemplate jpa;
    private final UnitOfWork work;
    private final Postings postings;
    private final WalletParticipantImpl participant;
    private final Accounts accounts;

    /** Marketing's recharge activities, when installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile RechargePromotions promotions;

    @Activate
    public WalletServiceImpl(@Reference(target = "(osgi.unit.name=tessera-wallets)") JpaTemplate jpa, @Reference OrgService org,
                             @Reference MemberService members, @Reference UnitOfWork work, @Reference WalletSettings settings,
                             @Reference EventPublisher events, @Reference WalletParticipantImpl participant) {
        this.jpa = jpa;
        this.work = work;
        this.postings = new Postings(jpa, events, work);
        this.participant = participant;
        this.accounts = new Accounts(org, members, settings, postings);
    }

    @Override
    public OperationResult recharge(Requests.Recharge r, String key) {
        Caller caller = CallerContext.current();
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        Money amount = Accounts.positive("amount", r.amount);
        Money fee = r.cardFee == null ? Money.ZERO : Accounts.notNegative("cardFee", r.cardFee);
        PaymentMethod method = paidWith(r.method);
        Rules rules = accounts.rules();
        if (amount.compareTo(rules.rechargeMin()) < 0) {
            throw WalletErrors.RECHARGE_BELOW_MINIMUM.at("amount", "the smallest recharge is " + rules.rechargeMin());
        }
        if (rules.rechargeMax() != null && amount.compareTo(rules.rechargeMax()) > 0) {
            throw WalletErrors.RECHARGE_ABOVE_MAXIMUM.at("amount", "the largest recharge is " + rules.rechargeMax());
        }
        Store store = accounts.storeFor(r.storeId);
        Member member = accounts.activeMember(r.memberId);
        String reference = Checks.optionalText("reference", r.reference, 64);
        String remark = Checks.optionalText("remark", r.remark, 500);
        long scope = accounts.scopeOf(store);
        if (rules.prestored()) {
            accounts.ensureAccount(member, scope);
        }
        return work.run("wallets.recharge", key, r, OperationResult.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            PackageEntity pkg = r.packageId == null ? null : validPackage(em, r.packageId, amount);
            AccountEntity account = Accounts.lockAccount(em, member.id, scope)
                    .orElseThrow(() -> WalletErrors.WALLET_NOT_OPEN.at("memberId",
                            "the member has no account here yet: open it first (direct opening is configured)"));
            // A package's bonus, or else a promotion's: never both.
            RechargePromotions promotion = pkg == null ? promotions : null;
            RechargePromotions.Offer offer = RechargeOffers.offer(promotion, member, store.id, amount, method);
            Postings.Details d = new Postings.Details();
            d.method = method.name();
            d.reference = reference;
            d.remark = remark;
            d.cardFee = fee.isZero() ? null : fee.toBigDecimal();
            long bonus = pkg == null ? RechargeOffers.bonusFen(offer) : Money.of(pkg.bonusAmount).toFen();
            JournalEntity j = postings.post(em, account, EntryType.RECHARGE, amount.toFen(), bonus, store.id, d);
            account.status = Account.Status.OPEN.name();
            OperationResult result = Accounts.result(j, account, member.name);
            result.packageName = pkg == null ? null : pkg.name;
            if (offer != null) {
                promotion.posted(offer, j.id);
                result.promotionId = offer.activityId;
                result.promotionName = offer.activityName;
            }
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
        return work.run("wallets.reverse", key, r, OperationResult.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            JournalEntity reversal = postings.reverseRecharge(em, caller, entryId, reason);
            AccountEntity account = em.find(AccountEntity.class, reversal.accountId);
            return Accounts.result(reversal, account, accounts.nameOf(account.memberId));
        }));
    }

    @Override
    public OperationResult pay(Requests.Pay r, String key) {
        Caller caller = CallerContext.current();
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        Money amount = Accounts.positive("amount", r.amount);
        String orderNo = Checks.optionalText("orderNo", r.orderNo, 64);
        String cardNo = Checks.optionalText("cardNo", r.cardNo, 64);
        String remark = Checks.optionalText("remark", r.remark, 500);
        // The store and the member are read once, in the payment's transaction (a retry answers before reading them).
        return work.run("wallets.pay", key, r, OperationResult.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            Store store = accounts.storeFor(r.storeId);
            Member member = accounts.activeMember(r.memberId);
            Movement debit = new Movement(member.id, r.storeId, null, orderNo);
            debit.cardNo = cardNo;
            debit.remark = remark;
            // The member's level discount, as integrators of this call expect; checkout prices its own orders.
            BigDecimal rate = member.discountRate;
            Money payable = amount.times(rate, RoundingMode.HALF_UP);
            debit.amount = payable;
            debit.originalAmount = amount;
            OperationResult result = answer(em, participant.debit(debit, store, member), member.name);
            result.discountRate = rate;
            result.payable = payable;
            return result;
        }));
    }

    @Override
    public OperationResult refund(Requests.Refund r, String key) {
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        long entryId = Checks.required("paymentEntryId", r.paymentEntryId);
        Money amount = Accounts.positive("amount", r.amount);
        String reason = Checks.optionalText("reason", r.reason, 500);
        return work.run("wallets.refund", key, r, OperationResult.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            JournalEntry e = participant.refund(entryId, amount, reason);
            return answer(em, e, accounts.nameOf(e.memberId));
        }));
    }

    /** A participant's journal row with its account as it is now, in this transaction. */
    private static OperationResult answer(EntityManager em, JournalEntry entry, String memberName) {
        OperationResult result = new OperationResult();
        result.entry = entry;
        result.account = Dtos.account(em.find(AccountEntity.class, entry.accountId));
        result.account.memberName = memberName;
        return result;
    }

    @Override
    public OperationResult storedValueRefund(Requests.StoredValueRefund r, String key) {
        Caller caller = CallerContext.current();
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        Store store = accounts.storeFor(r.storeId);
        Member member = accounts.knownMember(r.memberId);
        PaymentMethod method = paidWith(r.method);
        String reason = Checks.optionalText("reason", r.reason, 500);
        long scope = accounts.scopeOf(store);
        return work.run("wallets.sv-refund", key, r, OperationResult.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity account = Accounts.lockAccount(em, member.id, scope).orElseThrow(() -> WalletErrors.WALLET_EMPTY.at("memberId",
                    "the member holds no stored value here"));
            long principal = Money.of(account.principal).toFen();
            long bonus = Money.of(account.bonus).toFen();
            if (principal == 0 && bonus == 0) {
                throw WalletErrors.WALLET_EMPTY.at("memberId", "the account is already empty");
            }
            if (Postings.heldFen(account) > 0) {
                throw WalletErrors.WALLET_HELD.at("memberId", "an order holds part of the stored value: capture or release it first");
            }
            Postings.Details d = new Postings.Details();
            d.method = method.name();
            d.originalAmount = Money.ofFen(principal).toBigDecimal();
            d.remark = reason;
            JournalEntity j = postings.post(em, account, EntryType.SV_REFUND, -principal, -bonus, store.id, d);
            account.status = Account.Status.CLOSED.name();
            return Accounts.result(j, account, member.name);
        }));
    }

    @Override
    public OperationResult adjust(Requests.Adjust r, String key) {
        Caller caller = CallerContext.current();
        caller.requireAnyRole(Role.HQ_ADMIN, Role.FINANCE);
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        Store store = accounts.storeFor(r.storeId);
        Member member = accounts.knownMember(r.memberId);
        Money principal = r.principalDelta == null ? Money.ZERO : r.principalDelta;
        Money bonus = r.bonusDelta == null ? Money.ZERO : r.bonusDelta;
        if (principal.isZero() && bonus.isZero()) {
            throw WalletErrors.ADJUSTMENT_EMPTY.at("principalDelta", "an adjustment moves principal or bonus");
        }
        String reason = Checks.text("reason", r.reason, 500);
        long scope = accounts.scopeOf(store);
        accounts.ensureAccount(member, scope);
        return work.run("wallets.adjust", key, r, OperationResult.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity account = Accounts.lockAccount(em, member.id, scope).orElseThrow();
            Postings.Details d = new Postings.Details();
            d.remark = reason;
            return Accounts.result(postings.post(em, account, EntryType.ADJUSTMENT, principal.toFen(), bonus.toFen(), store.id, d),
                    account, member.name);
        }));
    }

    @Override
    public Account open(Requests.OpenAccount r) {
        Caller caller = CallerContext.current();
        Checks.required("body", r);
        Store store = accounts.storeFor(r.storeId);
        Member member = accounts.activeMember(r.memberId);
        long scope = accounts.scopeOf(store);
        accounts.ensureAccount(member, scope);
        return jpa.txExpr(TransactionType.Supports, em -> withName(Dtos.account(Accounts.findAccount(em, member.id, scope).orElseThrow()),
                member.name));
    }

    @Override
    public List<Account> accountsOf(long memberId) {
        Caller caller = CallerContext.current();
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT a FROM AccountEntity a WHERE a.memberId = :m ORDER BY a.id", AccountEntity.class)
                .setParameter("m", memberId).getResultList().stream()
                .filter(a -> Visibility.sees(em, caller, a))
                .map(a -> withName(Dtos.account(a), accounts.nameOf(memberId))).collect(Collectors.toList()));
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

    /** How a recharge was paid or a stored-value refund is paid back: anything but stored value itself. */
    private static PaymentMethod paidWith(PaymentMethod method) {
        Checks.required("method", method);
        if (method == PaymentMethod.MEMBER) {
            throw WalletErrors.PAYMENT_METHOD_NOT_ALLOWED.at("method", "stored value is not paid or paid back with stored value");
        }
        return method;
    }

    private static PackageEntity validPackage(EntityManager em, long id, Money amount) {
        PackageEntity p = em.find(PackageEntity.class, id);
        if (p == null || !p.enabled) {
            throw WalletErrors.PACKAGE_NOT_FOUND.at("packageId", "no active recharge package " + id);
        }
        var today = BusinessTime.today();
        if (today.isBefore(p.validFrom) || today.isAfter(p.validTo)) {
            throw WalletErrors.PACKAGE_NOT_VALID.at("packageId",
                    "package " + p.name + " is valid from " + p.validFrom + " to " + p.validTo);
        }
        if (Money.of(p.payAmount).compareTo(amount) != 0) {
            throw WalletErrors.PACKAGE_AMOUNT_MISMATCH.at("amount", "package " + p.name + " is for a payment of " + Money.of(p.payAmount));
        }
        return p;
    }

    private static Account withName(Account a, String memberName) {
        a.memberName = memberName;
        return a;
    }
}
