package io.tessera.wallets.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A stored-value account; its balances always equal the sum of its journal rows. */
@Entity
@Table(name = "WAL_ACCOUNT",
        uniqueConstraints = @UniqueConstraint(name = "WAL_ACCOUNT_SCOPE", columnNames = {"MEMBER_ID", "SCOPE_STORE_ID"}),
        indexes = {@Index(name = "WAL_ACCOUNT_SCOPE_STORE", columnList = "SCOPE_STORE_ID"),
                @Index(name = "WAL_ACCOUNT_MEMBER_STORE", columnList = "MEMBER_STORE_ID")})
public class AccountEntity {

    /** SCOPE_STORE_ID of the chain account (unified mode). */
    public static final long CHAIN = 0L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    @Column(name = "MEMBER_NO", length = 20, nullable = false)
    public String memberNo;

    /** The member's registering store, for store-scoped queries. */
    @Column(name = "MEMBER_STORE_ID", nullable = false)
    public long memberStoreId;

    @Column(name = "SCOPE_STORE_ID", nullable = false)
    public long scopeStoreId;

    @Column(name = "PRINCIPAL", precision = 19, scale = 2, nullable = false)
    public BigDecimal principal;

    @Column(name = "BONUS", precision = 19, scale = 2, nullable = false)
    public BigDecimal bonus;

    /**
     * The sum of the account's open holds (0 when none). Principal + bonus
     * never goes below it except by a capture, which releases its hold first.
     */
    @Column(name = "HELD", precision = 19, scale = 2, nullable = false)
    public BigDecimal held;

    /** How many journal rows the account has: the last one's ACCOUNT_SEQ. */
    @Column(name = "ENTRY_COUNT", nullable = false)
    public long entryCount;

    @Column(name = "STATUS", length = 10, nullable = false)
    public String status;

    @Column(name = "OPENED_AT", nullable = false)
    public LocalDateTime openedAt;
}
