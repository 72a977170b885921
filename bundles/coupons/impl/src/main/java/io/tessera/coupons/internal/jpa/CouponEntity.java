package io.tessera.coupons.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDate;
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
 * A coupon: its number, template, owner and state. Every state change is one conditional update on the
 * state (AVAILABLE → RESERVED only while AVAILABLE, ...), so two tills never both take it.
 */
@Entity
@Table(name = "CPN_COUPON", uniqueConstraints = {@UniqueConstraint(name = "CPN_COUPON_NO", columnNames = "COUPON_NO"),
        @UniqueConstraint(name = "CPN_COUPON_ISSUE_KEY", columnNames = "ISSUE_KEY")},
        indexes = {@Index(name = "CPN_COUPON_MEMBER", columnList = "MEMBER_ID, STATE"),
                @Index(name = "CPN_COUPON_EXPIRY", columnList = "STATE, VALID_TO"),
                @Index(name = "CPN_COUPON_TEMPLATE", columnList = "TEMPLATE_ID, STATE"),
                @Index(name = "CPN_COUPON_ORDER", columnList = "ORDER_NO"),
                @Index(name = "CPN_COUPON_CLAIMED", columnList = "CLAIMED_AT")})
public class CouponEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "COUPON_NO", length = 18, nullable = false)
    public String no;

    @Column(name = "TEMPLATE_ID", nullable = false)
    public long templateId;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    @Column(name = "STATE", length = 10, nullable = false)
    public String state;

    @Column(name = "VALID_FROM", nullable = false)
    public LocalDate validFrom;

    @Column(name = "VALID_TO", nullable = false)
    public LocalDate validTo;

    /** CLAIM, SEND, POINTS. */
    @Column(name = "ISSUE_TYPE", length = 10, nullable = false)
    public String issueType;

    @Column(name = "ISSUE_STORE_ID")
    public Long issueStoreId;

    @Column(name = "ISSUE_CHANNEL", length = 20)
    public String issueChannel;

    /** What makes a send or a points exchange issue once (null for claims, whose key is the caller's). */
    @Column(name = "ISSUE_KEY", length = 80)
    public String issueKey;

    @Column(name = "ORDER_NO", length = 32)
    public String orderNo;

    @Column(name = "CLAIMED_AT", nullable = false)
    public LocalDateTime claimedAt;

    @Column(name = "RESERVED_AT")
    public LocalDateTime reservedAt;

    @Column(name = "USED_AT")
    public LocalDateTime usedAt;

    @Column(name = "GIFTED", nullable = false)
    public boolean gifted;

    @Column(name = "CHANGED_AT", nullable = false)
    public LocalDateTime changedAt;
}
