package io.tessera.coupons.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A coupon used on a paid order (核销记录): the back office's columns. */
@XmlType(name = "redemptionRecord")
public class RedemptionRecord {
    public long templateId;
    public String templateName;
    /** The redeeming store. */
    public long storeId;
    public String storeName;
    public long memberId;
    public String memberName;
    public CouponKind kind;
    /** How the order was paid: MEMBER, WECHAT, ALIPAY, CASH, POS_CARD, or several joined with "+"; NONE for an order of zero. */
    public String payMethod;
    /** Where the order came from: POS, PAYMENT_CODE, MINI_PROGRAM, TERMINAL. */
    public String source;
    public String orderNo;
    public String couponNo;
    /** What the coupon took off the order. */
    public Money discount;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    @Schema(type = "string", format = "date-time")
    public OffsetDateTime redeemedAt;
    /** USED, or RETURNED when a refund gave the coupon back. */
    public String state;
}
