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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place balances change: applies a principal and bonus delta to a locked account, writes
 * its journal row, and adds the movement to the store's daily ledger, all in the caller's
 * transaction. A balance can never go below zero here, whatever the caller computed.
 */
@Component(service = Postings.class, immediate = true)
public class Postings {

    private static final Logger LOG = LoggerFactory.getLogger(Postings.class);

    /** Rows per store-day in the daily ledger: concurrent payments of one store spread over them. */
    public static final int SLOTS = 16;

    @Reference(target = "(osgi.unit.name=tessera-wallets)")
    private JpaTemplate jpa;

    /** Store-days whose ledger rows are known to exist ("storeId|date"). */
    private final Set<String> preparedDays = ConcurrentHashMap.newKeySet();

    /**
     * Brings databases of earlier versions up to date, once: their store-days in WAL_DAILY_LEDGER move
     * to slot 0 of the slotted table (same totals; the old table is kept renamed), and the journal's
     * index of ACCOUNT_ID alone, which the unique (ACCOUNT_ID, ACCOUNT_SEQ) index makes redundant, is
     * dropped (one index less to write per movement).
     */
    @Activate
    void upgradeSchema() {
        jpa.tx(TransactionType.Required, em -> {
            if (exists(em, "SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME = 'WAL_DAILY_LEDGER'")) {
                int moved = em.createNativeQuery("INSERT INTO WAL_LEDGER_DAY_SLOT (STORE_ID, BUSINESS_DATE, SLOT, PRINCIPAL_IN, "
                        + "PRINCIPAL_OUT, BONUS_IN, BONUS_OUT) SELECT STORE_ID, BUSINESS_DATE, 0, PRINCIPAL_IN, PRINCIPAL_OUT, BONUS_IN, "
                        + "BONUS_OUT FROM WAL_DAILY_LEDGER").executeUpdate();
                em.createNativeQuery("RENAME TABLE WAL_DAILY_LEDGER TO WAL_DAILY_LEDGER_UNSLOTTED").executeUpdate();
                LOG.info("Moved {} daily ledger rows to the slotted ledger (old table kept as WAL_DAILY_LEDGER_UNSLOTTED)", moved);
            }
            if (exists(em, "SELECT COUNT(*) FROM SYS.SYSCONGLOMERATES WHERE CONGLOMERATENAME = 'WAL_JOURNAL_ACCOUNT'")) {
                em.createNativeQuery("DROP INDEX WAL_JOURNAL_ACCOUNT").executeUpdate();
                LOG.info("Dropped the journal index WAL_JOURNAL_ACCOUNT (the unique account sequence index serves its reads)");
            }
        });
    }

    private static boolean exists(EntityManager em, String countSql) {
        return ((Number) em.createNativeQuery(countSql).getSingleResult()).intValue() > 0;
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
        addToLedger(em, storeId, day, slotOf(account), principalDeltaFen, bonusDeltaFen);
        em.flush();
        return j;
    }

    /**
     * Creates today's ledger rows of the store (one per slot) in a short transaction of their own,
     * before the money-moving transaction starts, so that concurrent first movements of a day never
     * collide on an insert. Once done for a store-day, this JVM remembers it and skips the check.
     */
    public void prepareLedgerDay(long storeId) {
        LocalDate day = BusinessTime.today();
        String key = storeId + "|" + day;
        if (preparedDays.contains(key)) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                jpa.tx(TransactionType.Required, em -> {
                    for (int slot = 0; slot < SLOTS; slot++) {
                        if (em.find(DailyLedgerEntity.class, new DailyLedgerEntity.Key(storeId, day, slot)) == null) {
                            em.persist(newRow(storeId, day, slot));
                        }
                    }
                    em.flush();
                });
                break;
            } catch (RuntimeException e) {
                // Another request prepared the same day at the same moment: look again.
                if (attempt >= 3 || !DbErrors.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
        if (preparedDays.size() > 10_000) {
            preparedDays.clear();
        }
        preparedDays.add(key);
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

    /** The ledger slot of an account's movements: the same account always lands on the same row. */
    static int slotOf(AccountEntity account) {
        return (int) Math.floorMod(account.id, (long) SLOTS);
    }

    /**
     * Atomic increments on the (store, day, slot) row; inserted here only when the day turned since it
     * was prepared (a concurrent insert then fails the transaction, which is run again).
     */
    private void addToLedger(EntityManager em, long storeId, LocalDate day, int slot, long principalFen, long bonusFen) {
        if (increment(em, storeId, day, slot, principalFen, bonusFen) == 0) {
            em.persist(newRow(storeId, day, slot));
            em.flush();
            if (increment(em, storeId, day, slot, principalFen, bonusFen) != 1) {
                throw new IllegalStateException("daily ledger row missing for store " + storeId + " on " + day);
            }
        }
    }

    private static int increment(EntityManager em, long storeId, LocalDate day, int slot, long principalFen, long bonusFen) {
        return em.createQuery("UPDATE DailyLedgerEntity l SET l.principalIn = l.principalIn + :pin, "
                        + "l.principalOut = l.principalOut + :pout, l.bonusIn = l.bonusIn + :bin, l.bonusOut = l.bonusOut + :bout "
                        + "WHERE l.storeId = :store AND l.businessDate = :day AND l.slot = :slot")
                .setParameter("pin", fen(Math.max(principalFen, 0))).setParameter("pout", fen(Math.max(-principalFen, 0)))
                .setParameter("bin", fen(Math.max(bonusFen, 0))).setParameter("bout", fen(Math.max(-bonusFen, 0)))
                .setParameter("store", storeId).setParameter("day", day).setParameter("slot", slot).executeUpdate();
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
