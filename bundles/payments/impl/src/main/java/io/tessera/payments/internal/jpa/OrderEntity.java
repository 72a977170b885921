package io.tessera.payments.internal.jpa;

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

/**
 * An order of a store: its totals as priced, what was paid and refunded, and its state. The row is
 * locked for every change of its money (pay, close, refund), so concurrent calls on one order take turns.
 * Identity id: a table generator would hold its sequence row until the checkout transaction commits.
 */
@Entity
@Table(name = "PAY_ORDER", uniqueConstraints = {
        @UniqueConstraint(name = "PAY_ORDER_NO", columnNames = "ORDER_NO"),
        @UniqueConstraint(name = "PAY_ORDER_POS_NO", columnNames = {"STORE_ID", "POS_ORDER_NO"})},
        indexes = {@Index(name = "PAY_ORDER_STORE_CREATED", columnList = "STORE_ID, CREATED_AT"),
                @Index(name = "PAY_ORDER_OPEN", columnList = "STATE, EXPIRES_AT"),
                @Index(name = "PAY_ORDER_MEMBER", columnList = "MEMBER_ID")})
public class OrderEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "ORDER_NO", length = 32, nullable = false)
    public String orderNo;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "POS_ORDER_NO", length = 64, nullable = false)
    public String posOrderNo;

    @Column(name = "TILL_NO")
    public String tillNo;

    /** SHA-256 of the order as asked (lines, member, discounts asked): a POS retry with the same no must match it. */
    @Column(name = "CONTENT_HASH", length = 64, nullable = false)
    public String contentHash;

    @Column(name = "MEMBER_ID")
    public Long memberId;

    @Column(name = "KIND", length = 10, nullable = false)
    public String kind;

    @Column(name = "STATE", length = 20, nullable = false)
    public String state;

    /** Where the order came from: POS, TERMINAL, MINI_PROGRAM, PAYMENT_CODE. */
    @Column(name = "SOURCE", length = 20, nullable = false)
    public String source;

    /** The tenders the order was priced for (comma-separated methods): the level discount depends on them. */
    @Column(name = "PRICED_FOR", length = 100, nullable = false)
    public String pricedFor;

    /** The member level's rate applied (null: none). */
    @Column(name = "LEVEL_RATE", precision = 3, scale = 2)
    public BigDecimal levelRate;

    @Column(name = "GROSS", precision = 19, scale = 2, nullable = false)
    public BigDecimal gross;

    @Column(name = "DISCOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal discount;

    @Column(name = "PAYABLE", precision = 19, scale = 2, nullable = false)
    public BigDecimal payable;

    @Column(name = "PAID", precision = 19, scale = 2, nullable = false)
    public BigDecimal paid;

    @Column(name = "REFUNDED", precision = 19, scale = 2, nullable = false)
    public BigDecimal refunded;

    @Column(name = "OPERATOR", length = 100)
    public String operator;

    @Column(name = "REMARK", length = 500)
    public String remark;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    public LocalDateTime expiresAt;

    @Column(name = "PAID_AT")
    public LocalDateTime paidAt;

    @Column(name = "CLOSED_AT")
    public LocalDateTime closedAt;

    /** The store's format (业态) when the order was made, for the reports and marketing that read its events. */
    @Column(name = "FORMAT_CODE", length = 20)
    public String formatCode;

    /** A recharge order once paid: the wallet journal row that credited it. */
    @Column(name = "WALLET_ENTRY_ID")
    public Long walletEntryId;
}
