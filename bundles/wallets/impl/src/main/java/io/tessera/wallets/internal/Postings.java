package io.tessera.wallets.internal;

import io.tessera.wallets.api.WalletErrors;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.DbErrors;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.api.work.UnitOfWork;
import io.tessera.wallets.api.EntryType;
import io.tessera.wallets.api.WalletEvents;
import io.tessera.wallets.internal.jpa.AccountEntity;
import io.tessera.wallets.internal.jpa.DailyLedgerEntity;
import io.tessera.wallets.internal.jpa.JournalEntity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * The only place balances and holds change: applies a principal and bonus delta to a locked account,
 * writes its journal row, adds the movement to the store's daily ledger and publishes it (event
 * "wallets.&lt;type&gt;"), all in the caller's transaction. A balance never goes below zero, nor a debit
 * below what open holds set aside, whatever the caller computed.
 */
public class Postings {

    /**
     * Rows per store-day in the daily ledger at most: concurrent payments of one store spread over them (each holds
     * its slot's row until it commits). 64: 32 payments at once in one store rarely meet on a row (16 made every
     * slot hold two of them); a slot's row exists once a movement used it.
     */
    public static final int SLOTS = 64;

    private final JpaTemplate jpa;
    private final EventPublisher events;
    private final UnitOfWork work;

    public Postings(JpaTemplate jpa, EventPublisher events, UnitOfWork work) {
        this.jpa = jpa;
        this.events = events;
        this.work = work;
    }

    /**
     * Reverses a RECHARGE entry the caller may see (REVERSAL, principal and bonus back out), once, and only
     * while the account still holds all it brought ({@link ReversalRule}); the account row locked.
     */
    public JournalEntity reverseRecharge(EntityManager em, Caller caller, long entryId, String reason) {
        JournalEntity recharge = WalletParticipantImpl.entry(em, entryId, EntryType.RECHARGE, caller, WalletErrors.RECHARGE_NOT_FOUND);
        AccountEntity account = Accounts.lockAccount(em, recharge.accountId);
        long principal = Money.of(recharge.principalDelta).toFen();
        long bonus = Money.of(recharge.bonusDelta).toFen();
        long reversals = em.createQuery("SELECT COUNT(j) FROM JournalEntity j WHERE j.relatedEntryId = :id AND j.type = :t", Long.class)
                .setParameter("id", recharge.id).setParameter("t", EntryType.REVERSAL.name()).getSingleResult();
        ReversalRule.check(reversals > 0, principal, bonus, Money.of(account.principal).toFen(), Money.of(account.bonus).toFen());
        Details d = new Details();
        d.method = recharge.method;
        d.relatedEntryId = recharge.id;
        d.reference = recharge.reference;
        d.remark = reason;
        return post(em, account, EntryType.REVERSAL, -principal, -bonus, recharge.storeId, d);
    }

    /** Fields of a journal row beyond the amounts. */
    public static final class Details {
        public String method;
        public String reference;
        public String cardNo;
        public Long relatedEntryId;
        public BigDecimal originalAmount;
        public BigDecimal cardFee;
        public String remark;
    }

    public JournalEntity post(EntityManager em, AccountEntity account, EntryType type, long principalDeltaFen,
                              long bonusDeltaFen, long storeId, Details d) {
        long principal = Money.of(account.principal).toFen() + principalDeltaFen;
        long bonus = Money.of(account.bonus).toFen() + bonusDeltaFen;
        if (principal < 0 || bonus < 0 || principalDeltaFen + bonusDeltaFen < 0 && principal + bonus < heldFen(account)) {
            throw WalletErrors.WALLET_INSUFFICIENT_BALANCE.at("amount", "the account does not hold enough stored value");
        }
        LocalDateTime now = BusinessTime.now();
        LocalDate day = now.toLocalDate();
        account.principal = fen(principal);
        account.bonus = fen(bonus);
        JournalEntity j = new JournalEntity();
        j.accountId = account.id;
        j.accountSeq = ++account.entryCount;
        j.memberId = account.memberId;
        j.type = type.name();
        j.principalDelta = fen(principalDeltaFen);
        j.bonusDelta = fen(bonusDeltaFen);
        j.principalAfter = account.principal;
        j.bonusAfter = account.bonus;
        j.storeId = storeId;
        j.operator = CallerContext.current().label();
        j.method = d.method;
        j.reference = d.reference;
        j.cardNo = d.cardNo;
        j.relatedEntryId = d.relatedEntryId;
        j.originalAmount = d.originalAmount;
        j.cardFee = d.cardFee;
        j.remark = d.remark;
        j.businessDate = day;
        j.createdAt = now;
        em.persist(j);
        addToLedger(em, storeId, day, slotOf(account), principalDeltaFen, bonusDeltaFen);
        em.flush();
        events.publish(WalletEvents.topic(type), WalletEvents.aggregate(account.memberId), Dtos.entry(j));
        return j;
    }

    /** Sets {@code fen} of the locked account's available balance aside for a hold. */
    public void hold(AccountEntity account, long fen) {
        long available = Money.of(account.principal).toFen() + Money.of(account.bonus).toFen() - heldFen(account);
        if (fen <= 0 || fen > available) {
            throw WalletErrors.WALLET_INSUFFICIENT_BALANCE.at("amount",
                    "the available balance " + Money.ofFen(available) + " does not cover " + Money.ofFen(fen));
        }
        account.held = fen(heldFen(account) + fen);
    }

    /** Gives back what a hold set aside (on release, expiry or before its capture posts). */
    public void unhold(AccountEntity account, long fen) {
        long held = heldFen(account) - fen;
        if (held < 0) {
            throw new IllegalStateException("account " + account.id + " would hold less than nothing");
        }
        account.held = fen(held);
    }

    public static long heldFen(AccountEntity account) {
        return Money.of(account.held).toFen();
    }

    /**
     * Inserts a row unless it exists, in a short transaction of its own committed before this returns
     * ({@link UnitOfWork#apart}), so a participant may call it inside its caller's transaction: a
     * concurrent transaction that inserted it first wins harmlessly (anything else is a real failure).
     * Only for rows no transaction can hold a lock on yet (they do not exist).
     */
    public void insertIfMissing(Predicate<EntityManager> missing, Supplier<Object> row) {
        work.apart(() -> {
            try {
                jpa.tx(TransactionType.Required, em -> {
                    if (missing.test(em)) {
                        em.persist(row.get());
                        em.flush();
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

    /** The ledger slot of an account's movements: the same account always lands on the same row. */
    static int slotOf(AccountEntity account) {
        return (int) Math.floorMod(account.id, (long) SLOTS);
    }

    /**
     * Atomic increments on the (store, day, slot) row. The first movement of a store-day's slot finds no row:
     * the row is created apart (it does not exist, so nobody holds a lock on it) and the increment made again.
     */
    private void addToLedger(EntityManager em, long storeId, LocalDate day, int slot, long principalFen, long bonusFen) {
        if (increment(em, storeId, day, slot, principalFen, bonusFen) == 0) {
            work.apart(() -> {
                createSlot(storeId, day, slot);
                return null;
            });
            if (increment(em, storeId, day, slot, principalFen, bonusFen) != 1) {
                throw new IllegalStateException("daily ledger row missing for store " + storeId + " on " + day);
            }
        }
    }

    /** The store-day's slot row, if missing, in this thread's own transaction. */
    private void createSlot(long storeId, LocalDate day, int slot) {
        for (int attempt = 1; ; attempt++) {
            try {
                jpa.tx(TransactionType.Required, em -> {
                    if (em.find(DailyLedgerEntity.class, new DailyLedgerEntity.Key(storeId, day, slot)) == null) {
                        em.persist(newRow(storeId, day, slot));
                    }
                    em.flush();
                });
                return;
            } catch (RuntimeException e) {
                // Another transaction created the same row at the same moment: look again.
                if (attempt >= 3 || !DbErrors.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * SQL with bound parameters, not JPQL: on Derby EclipseLink writes a parameter inside arithmetic
     * ({@code l.principalOut = l.principalOut + :pout}) into the statement's text, and Derby compiled the increment
     * anew for every amount (the same for every increment of a sum: {@code DailyLedgerEntity}'s columns here).
     */
    private static int increment(EntityManager em, long storeId, LocalDate day, int slot, long principalFen, long bonusFen) {
        return em.createNativeQuery("UPDATE WAL_LEDGER_DAY_SLOT SET PRINCIPAL_IN = PRINCIPAL_IN + ?, PRINCIPAL_OUT = PRINCIPAL_OUT + ?, "
                        + "BONUS_IN = BONUS_IN + ?, BONUS_OUT = BONUS_OUT + ? WHERE STORE_ID = ? AND BUSINESS_DATE = ? AND SLOT = ?")
                .setParameter(1, fen(Math.max(principalFen, 0))).setParameter(2, fen(Math.max(-principalFen, 0)))
                .setParameter(3, fen(Math.max(bonusFen, 0))).setParameter(4, fen(Math.max(-bonusFen, 0)))
                .setParameter(5, storeId).setParameter(6, java.sql.Date.valueOf(day)).setParameter(7, slot).executeUpdate();
    }

    private static DailyLedgerEntity newRow(long storeId, LocalDate day, int slot) {
        DailyLedgerEntity l = new DailyLedgerEntity();
        l.storeId = storeId;
        l.businessDate = day;
        l.slot = slot;
        l.principalIn = fen(0);
        l.principalOut = fen(0);
        l.bonusIn = fen(0);
        l.bonusOut = fen(0);
        return l;
    }

    static BigDecimal fen(long fen) {
        return Money.ofFen(fen).toBigDecimal();
    }
}
