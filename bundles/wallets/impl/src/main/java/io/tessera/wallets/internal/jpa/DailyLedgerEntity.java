package io.tessera.wallets.internal.jpa;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/**
 * A store's money in and out for one business day, kept up to date in the same transaction as each
 * journal row. A store-day is spread over up to {@code Postings.SLOTS} rows (one per slot, chosen by
 * account, made by its first movement), so that concurrent payments in one store do not queue on a single
 * row lock; the ledger query sums those there are. Openings and closings are derived (sum of earlier days), so they always chain.
 */
@Entity
@Table(name = "WAL_LEDGER_DAY_SLOT")
@IdClass(DailyLedgerEntity.Key.class)
public class DailyLedgerEntity {

    @Id
    @Column(name = "STORE_ID")
    public long storeId;

    @Id
    @Column(name = "BUSINESS_DATE")
    public LocalDate businessDate;

    @Id
    @Column(name = "SLOT")
    public int slot;

    @Column(name = "PRINCIPAL_IN", precision = 19, scale = 2, nullable = false)
    public BigDecimal principalIn;

    @Column(name = "PRINCIPAL_OUT", precision = 19, scale = 2, nullable = false)
    public BigDecimal principalOut;

    @Column(name = "BONUS_IN", precision = 19, scale = 2, nullable = false)
    public BigDecimal bonusIn;

    @Column(name = "BONUS_OUT", precision = 19, scale = 2, nullable = false)
    public BigDecimal bonusOut;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long storeId;
        public LocalDate businessDate;
        public int slot;

        public Key() {
        }

        public Key(long storeId, LocalDate businessDate, int slot) {
            this.storeId = storeId;
            this.businessDate = businessDate;
            this.slot = slot;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).storeId == storeId && Objects.equals(((Key) o).businessDate, businessDate)
                    && ((Key) o).slot == slot;
        }

        @Override
        public int hashCode() {
            return Objects.hash(storeId, businessDate, slot);
        }
    }
}
