package io.tessera.points.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A member's points account (the chain's, or a store's when points are kept per store): AVAILABLE is the sum of its
 * ACTIVE lots (the debt lot included), PENDING of its PENDING lots, and both the sum of its journal rows. */
@Entity
@Table(name = "PTS_ACCOUNT",
        uniqueConstraints = @UniqueConstraint(name = "PTS_ACCOUNT_SCOPE", columnNames = {"MEMBER_ID", "SCOPE_STORE_ID"}),
        indexes = @Index(name = "PTS_ACCOUNT_MEMBER_STORE", columnList = "MEMBER_STORE_ID"))
public class AccountEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    /** The member's registering store, for store-scoped reads. */
    @Column(name = "MEMBER_STORE_ID", nullable = false)
    public long memberStoreId;

    /** 0 = the chain's account. */
    @Column(name = "SCOPE_STORE_ID", nullable = false)
    public long scopeStoreId;

    @Column(name = "AVAILABLE", nullable = false)
    public long available;

    @Column(name = "PENDING", nullable = false)
    public long pending;

    /** How many journal rows the account has: the last one's ACCOUNT_SEQ. */
    @Column(name = "ENTRY_COUNT", nullable = false)
    public long entryCount;

    /** The first sale that earned on this account (the FIRST_PURCHASE activity is given once). */
    @Column(name = "FIRST_ORDER_NO", length = 32)
    public String firstOrderNo;

    /** Points a SHORTFALL take-back wrote off while they were set aside for an order: taken when that order gives them back. */
    @Column(name = "RECOVERABLE", nullable = false)
    public long recoverable;

    @Column(name = "OPENED_AT", nullable = false)
    public LocalDateTime openedAt;
}
