package io.tessera.wallets.internal;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.DbErrors;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.TesseraException;
import io.tessera.wallets.api.EntryType;
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
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The only place balances change: applies a principal and bonus delta to a locked account, writes
 * its journal row, and adds the movement to the store's daily ledger, all in the caller's
 * transaction. A balance can never go below zero here, whatever the caller computed.
 */
@Component(service = Postings.class)
public class Postings {

    @Reference(target = "(osgi.unit.name=tessera-wallets)")
    private JpaTemplate jpa;

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
        if (principal < 0 || bonus < 0) {
            throw TesseraException.rule("WALLET_INSUFFICIENT_BALANCE", "the account does not hold enough stored value", "amount");
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
        addToLedger(em, storeId, day, principalDeltaFen, bonusDeltaFen);
        em.flush();
        return j;
    }

    /**
     * Creates today's ledger row of the store in its own short transaction, before the money-moving
     * transaction starts, so that concurrent first movements of a day never collide on its insert.
     */
    public void prepareLedgerDay(long storeId) {
        LocalDate day = BusinessTime.today();
        insertIfMissing(em -> em.find(DailyLedgerEntity.class, new DailyLedgerEntity.Key(storeId, day)) == null,
                () -> newRow(storeId, day));
    }

    /**
     * Inserts a row in its own short transaction unless it exists; a concurrent transaction that
     * inserted it first wins harmlessly (anything else is a real failure). Called before the
     * money-moving transaction starts, so its first writers never collide inside it.
     */
    public void insertIfMissing(Predicate<EntityManager> missing, Supplier<Object> row) {
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
    }

    /** Atomic increments on the (store, day) row; inserted here only when the day turned since it was prepared. */
    private void addToLedger(EntityManager em, long storeId, LocalDate day, long principalFen, long bonusFen) {
        if (em.find(DailyLedgerEntity.class, new DailyLedgerEntity.Key(storeId, day)) == null) {
            em.persist(newRow(storeId, day));
            em.flush();
        }
        int updated = em.createQuery("UPDATE DailyLedgerEntity l SET l.principalIn = l.principalIn + :pin, "
                        + "l.principalOut = l.principalOut + :pout, l.bonusIn = l.bonusIn + :bin, l.bonusOut = l.bonusOut + :bout "
                        + "WHERE l.storeId = :store AND l.businessDate = :day")
                .setParameter("pin", fen(Math.max(principalFen, 0))).setParameter("pout", fen(Math.max(-principalFen, 0)))
                .setParameter("bin", fen(Math.max(bonusFen, 0))).setParameter("bout", fen(Math.max(-bonusFen, 0)))
                .setParameter("store", storeId).setParameter("day", day).executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("daily ledger row missing for store " + storeId + " on " + day);
        }
    }

    private static DailyLedgerEntity newRow(long storeId, LocalDate day) {
        DailyLedgerEntity l = new DailyLedgerEntity();
        l.storeId = storeId;
        l.businessDate = day;
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
