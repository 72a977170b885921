package io.tessera.coupons.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A coupon's history, one row per change: claimed, sent, gifted (from, to), reserved, used, released, returned, expired, voided. */
@Entity
@Table(name = "CPN_COUPON_EVENT", indexes = @Index(name = "CPN_COUPON_EVENT_COUPON", columnList = "COUPON_ID, ID"))
public class CouponEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "COUPON_ID", nullable = false)
    public long couponId;

    @Column(name = "EVENT_TYPE", length = 12, nullable = false)
    public String type;

    @Column(name = "FROM_MEMBER_ID")
    public Long fromMemberId;

    @Column(name = "TO_MEMBER_ID")
    public Long toMemberId;

    @Column(name = "ORDER_NO", length = 32)
    public String orderNo;

    @Column(name = "REFUND_NO", length = 32)
    public String refundNo;

    @Column(name = "OPERATOR", length = 100, nullable = false)
    public String operator;

    @Column(name = "NOTE", length = 300)
    public String note;

    @Column(name = "HAPPENED_AT", nullable = false)
    public LocalDateTime at;
}
