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

/**
 * Stored value set aside for an order: counted in its account's HELD while HELD; CAPTURED (its capture's
 * CONSUME row), RELEASED or EXPIRED otherwise. Identity id: a table generator would hold its sequence
 * row until the checkout transaction commits.
 */
@Entity
@Table(name = "WAL_HOLD", indexes = {@Index(name = "WAL_HOLD_OPEN", columnList = "STATUS, EXPIRES_AT"),
        @Index(name = "WAL_HOLD_ACCOUNT", columnList = "ACCOUNT_ID")})
public class HoldEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "ACCOUNT_ID", nullable = false)
    public long accountId;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "AMOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal amount;

    @Column(name = "CAPTURED", precision = 19, scale = 2)
    public BigDecimal captured;

    @Column(name = "REFERENCE", length = 64)
    public String reference;

    @Column(name = "STATUS", length = 10, nullable = false)
    public String status;

    @Column(name = "CAPTURE_ENTRY_ID")
    public Long captureEntryId;

    @Column(name = "OPERATOR", length = 100)
    public String operator;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    public LocalDateTime expiresAt;

    @Column(name = "CLOSED_AT")
    public LocalDateTime closedAt;
}
