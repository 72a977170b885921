package io.tessera.wallets.internal;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.api.work.UnitOfWork;
import io.tessera.wallets.api.Account;
import io.tessera.wallets.api.EntryType;
import io.tessera.wallets.api.Hold;
import io.tessera.wallets.api.HoldRequest;
import io.tessera.wallets.api.JournalEntry;
import io.tessera.wallets.api.Movement;
import io.tessera.wallets.api.RechargePromotions;
import io.tessera.wallets.api.WalletErrors;
import io.tessera.wallets.api.WalletParticipant;
import io.tessera.wallets.internal.Splits.Parts;
import io.tessera.wallets.internal.jpa.AccountEntity;
import io.tessera.wallets.internal.jpa.HoldEntity;
import io.tessera.wallets.internal.jpa.JournalEntity;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The participant API: each call joins the caller's transaction ({@code Mandatory}); checks first, then
 * the account row is locked (before a hold row: always in that order) and {@link Postings} moves the
 * money or the hold.
 */
@Component(service = {WalletParticipant.class, WalletParticipantImpl.class})
public class WalletParticipantImpl implements WalletParticipant {

    private final JpaTemplate jpa;
    private final Postings postings;
    private final Accounts accounts;

    /** Marketing's recharge activities, when installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile RechargePromotions promotions;

    @Activate
    public WalletParticipantImpl(@Reference(target = "(osgi.unit.name=tessera-wallets)") JpaTemplate jpa, @Reference OrgService org,
                                 @Reference MemberService members, @Reference WalletSettings settings, @Reference EventPublisher events,
                                 @Reference UnitOfWork work) {
        this.jpa = jpa;
        this.postings = new Postings(jpa, events, work);
        this.accounts = new Accounts(org, members, settings, postings);
    }

    @Override
    public JournalEntry debit(Movement m) {
        Checks.required("movement", m);
        return debit(m, accounts.storeFor(m.storeId), accounts.activeMember(m.memberId));
    }

    /** The debit for a store and an active member the caller has just looked up (member pay: once per request). */
    JournalEntry debit(Movement m, Store store, Member member) {
        Money amount = Accounts.positive("amount", m.amount);
        long scope = accounts.scopeOf(store);
        Postings.Details d = details(m);
        d.originalAmount = m.originalAmount == null ? null : m.originalAmount.toBigDecimal();
        return jpa.txExpr(TransactionType.Mandatory, em -> {
            AccountEntity account = Accounts.lockAccount(em, member.id, scope).orElseThrow(() -> WalletErrors.WALLET_INSUFFICIENT_BALANCE.at("amount",
                    "the member holds no stored value here"));
            long available = available(account);
            if (amount.toFen() > available) {
                throw WalletErrors.WALLET_INSUFFICIENT_BALANCE.at("amount",
                        "the available balance " + Money.ofFen(available) + " does not cover " + amount);
            }
            Parts parts = Splits.payment(amount.toFen(), fen(account.principal), fen(account.bonus), accounts.rules().split());
            return Dtos.entry(postings.post(em, account, EntryType.CONSUME, -parts.principalFen(), -parts.bonusFen(), store.id, d));
        });
    }

    @Override
    public JournalEntry refund(long paymentEntryId, Money amount, String reason) {
        Caller caller = CallerContext.current();
        Accounts.positive("amount", amount);
        String why = Checks.optionalText("reason", reason, 500);
        return jpa.txExpr(TransactionType.Mandatory, em -> {
            JournalEntity payment = entry(em, paymentEntryId, EntryType.CONSUME, caller, WalletErrors.PAYMENT_NOT_FOUND);
            AccountEntity account = Accounts.lockAccount(em, payment.accountId);
            Parts original = new Parts(-fen(payment.principalDelta), -fen(payment.bonusDelta));
            Parts before = related(em, payment.id, EntryType.REFUND);
            long refundable = original.totalFen() - before.totalFen();
            if (amount.toFen() > refundable) {
                throw WalletErrors.REFUND_EXCEEDS_PAYMENT.at("amount",
                        "at most " + Money.ofFen(refundable) + " of this payment can still be refunded");
            }
            Parts parts = Splits.refund(amount.toFen(), original, before);
            Postings.Details d = new Postings.Details();
            d.relatedEntryId = payment.id;
            d.reference = payment.reference;
            d.cardNo = payment.cardNo;
            d.remark = why;
            return Dtos.entry(postings.post(em, account, EntryType.REFUND, parts.principalFen(), parts.bonusFen(), payment.storeId, d));
        });
    }

    @Override
    public JournalEntry creditRecharge(Movement m, PaymentMethod paidWith) {
        Checks.required("movement", m);
        Checks.required("paidWith", paidWith);
        Money amount = Accounts.positive("amount", m.amount);
        Store store = accounts.storeFor(m.storeId);
        Member member = accounts.activeMember(m.memberId);
        long scope = accounts.scopeOf(store);
        Postings.Details d = details(m);
        d.method = paidWith.name();
        accounts.ensureAccount(member, scope);
        RechargePromotions promotion = promotions;
        return jpa.txExpr(TransactionType.Mandatory, em -> {
            AccountEntity account = Accounts.lockAccount(em, member.id, scope).orElseThrow();
            RechargePromotions.Offer offer = RechargeOffers.offer(promotion, member, store.id, amount, paidWith);
            JournalEntity j = postings.post(em, account, EntryType.RECHARGE, amount.toFen(), RechargeOffers.bonusFen(offer), store.id, d);
            account.status = Account.Status.OPEN.name();
            if (offer != null) {
                promotion.posted(offer, j.id);
            }
            return Dtos.entry(j);
        });
    }

    @Override
    public JournalEntry reverseRecharge(long rechargeEntryId, String reason) {
        Caller caller = CallerContext.current();
        String why = Checks.optionalText("reason", reason, 500);
        return jpa.txExpr(TransactionType.Mandatory, em -> Dtos.entry(postings.reverseRecharge(em, caller, rechargeEntryId, why)));
    }

    @Override
    public JournalEntry creditMigration(Movement m) {
        Caller caller = CallerContext.current();
        Checks.required("movement", m);
        Money amount = Accounts.positive("amount", m.amount);
        Store store = accounts.storeFor(m.storeId);
        Member member = accounts.activeMember(m.memberId);
        Checks.text("cardNo", m.cardNo, 64);
        long scope = accounts.scopeOf(store);
        Postings.Details d = details(m);
        accounts.ensureAccount(member, scope);
        return jpa.txExpr(TransactionType.Mandatory, em -> {
            AccountEntity account = Accounts.lockAccount(em, member.id, scope).orElseThrow();
            JournalEntity j = postings.post(em, account, EntryType.MIGRATION_IN, amount.toFen(), 0, store.id, d);
            account.status = Account.Status.OPEN.name();
            return Dtos.entry(j);
        });
    }

    @Override
    public Hold hold(HoldRequest r) {
        Caller caller = CallerContext.current();
        Checks.required("hold", r);
        Money amount = Accounts.positive("amount", r.amount);
        Store store = accounts.storeFor(r.storeId);
        Member member = accounts.activeMember(r.memberId);
        String reference = Checks.optionalText("reference", r.reference, 64);
        long scope = accounts.scopeOf(store);
        LocalDateTime now = BusinessTime.now();
        LocalDateTime expires = r.expiresIn != null && !r.expiresIn.isNegative() && !r.expiresIn.isZero() ? now.plus(r.expiresIn)
                : now.plusMinutes(accounts.rules().holdMinutes());
        return jpa.txExpr(TransactionType.Mandatory, em -> {
            AccountEntity account = Accounts.lockAccount(em, member.id, scope).orElseThrow(() -> WalletErrors.WALLET_INSUFFICIENT_BALANCE.at("amount",
                    "the member holds no stored value here"));
            postings.hold(account, amount.toFen());
            HoldEntity h = new HoldEntity();
            h.accountId = account.id;
            h.memberId = member.id;
            h.storeId = store.id;
            h.amount = amount.toBigDecimal();
            h.reference = reference;
            h.status = Hold.Status.HELD.name();
            h.operator = caller.label();
            h.createdAt = now;
            h.expiresAt = expires;
            em.persist(h);
            em.flush();
            return Dtos.hold(h);
        });
    }

    @Override
    public JournalEntry capture(long holdId, Money amount) {
        Caller caller = CallerContext.current();
        if (amount != null) {
            Accounts.positive("amount", amount);
        }
        return jpa.txExpr(TransactionType.Mandatory, em -> {
            HoldEntity h = lockHold(em, caller, holdId);
            if (!Hold.Status.HELD.name().equals(h.status)) {
                throw WalletErrors.HOLD_NOT_HELD.at("holdId", "hold " + holdId + " is " + h.status);
            }
            if (h.expiresAt.isBefore(BusinessTime.now())) {
                throw WalletErrors.HOLD_EXPIRED.at("holdId", "hold " + holdId + " expired at " + h.expiresAt);
            }
            long held = fen(h.amount);
            long take = amount == null ? held : amount.toFen();
            if (take > held) {
                throw WalletErrors.CAPTURE_EXCEEDS_HOLD.at("amount", "at most " + Money.ofFen(held) + " can be captured");
            }
            AccountEntity account = em.find(AccountEntity.class, h.accountId);
            postings.unhold(account, held);
            Parts parts = Splits.payment(take, fen(account.principal), fen(account.bonus), accounts.rules().split());
            Postings.Details d = new Postings.Details();
            d.reference = h.reference;
            JournalEntity j = postings.post(em, account, EntryType.CONSUME, -parts.principalFen(), -parts.bonusFen(), h.storeId, d);
            h.status = Hold.Status.CAPTURED.name();
            h.captured = Money.ofFen(take).toBigDecimal();
            h.captureEntryId = j.id;
            h.closedAt = BusinessTime.now();
            return Dtos.entry(j);
        });
    }

    @Override
    public Hold release(long holdId) {
        Caller caller = CallerContext.current();
        return jpa.txExpr(TransactionType.Mandatory, em -> {
            HoldEntity h = lockHold(em, caller, holdId);
            if (Hold.Status.CAPTURED.name().equals(h.status)) {
                throw WalletErrors.HOLD_CAPTURED.at("holdId", "hold " + holdId + " was captured");
            }
            if (Hold.Status.HELD.name().equals(h.status)) {
                close(em.find(AccountEntity.class, h.accountId), h, Hold.Status.RELEASED, postings);
            }
            return Dtos.hold(h);
        });
    }

    @Override
    public Optional<Hold> findHold(long holdId) {
        Caller caller = CallerContext.current();
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(em.find(HoldEntity.class, holdId))
                .filter(h -> caller.canAccessStore(h.storeId)).map(Dtos::hold));
    }

    /** Ends a HELD hold without a capture (release, expiry); account and hold locked. */
    static void close(AccountEntity account, HoldEntity h, Hold.Status status, Postings postings) {
        postings.unhold(account, fen(h.amount));
        h.status = status.name();
        h.closedAt = BusinessTime.now();
    }

    /** The hold the caller may see, with its account and then itself locked (that order, always). */
    static HoldEntity lockHold(EntityManager em, Caller caller, long holdId) {
        HoldEntity found = em.find(HoldEntity.class, holdId);
        if (found == null || caller != null && !caller.canAccessStore(found.storeId)) {
            throw WalletErrors.HOLD_NOT_FOUND.error("no hold " + holdId + " here");
        }
        Accounts.lockAccount(em, found.accountId);
        em.refresh(found, LockModeType.PESSIMISTIC_WRITE);
        return found;
    }

    private static long available(AccountEntity account) {
        return fen(account.principal) + fen(account.bonus) - Postings.heldFen(account);
    }

    private static Postings.Details details(Movement m) {
        Postings.Details d = new Postings.Details();
        d.reference = Checks.optionalText("reference", m.reference, 64);
        d.cardNo = Checks.optionalText("cardNo", m.cardNo, 64);
        d.remark = Checks.optionalText("remark", m.remark, 500);
        return d;
    }

    static long fen(BigDecimal amount) {
        return Money.of(amount).toFen();
    }

    static JournalEntity entry(EntityManager em, long id, EntryType type, Caller caller, WalletErrors code) {
        JournalEntity e = em.find(JournalEntity.class, id);
        if (e == null || !type.name().equals(e.type) || !caller.canAccessStore(e.storeId)) {
            throw code.error("no " + type.name().toLowerCase() + " entry " + id + " here");
        }
        return e;
    }

    /** What earlier entries of a type related to an entry moved, as positive parts. */
    static Parts related(EntityManager em, long entryId, EntryType type) {
        Object[] sums = em.createQuery("SELECT SUM(j.principalDelta), SUM(j.bonusDelta) FROM JournalEntity j "
                        + "WHERE j.relatedEntryId = :id AND j.type = :t", Object[].class)
                .setParameter("id", entryId).setParameter("t", type.name()).getSingleResult();
        long p = sums[0] == null ? 0 : fen((BigDecimal) sums[0]);
        long b = sums[1] == null ? 0 : fen((BigDecimal) sums[1]);
        return new Parts(Math.abs(p), Math.abs(b));
    }
}
