package io.tessera.coupons.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A coupon issued (领取记录): claimed, sent or exchanged for points. */
@XmlType(name = "claimRecord")
public class ClaimRecord {
    public String couponNo;
    public long templateId;
    public String templateName;
    public CouponKind kind;
    /** Its owner now (a gift moves it). */
    public long memberId;
    public String memberName;
    /** The store where it was claimed, if any. */
    public Long storeId;
    public String storeName;
    public String channel;
    /** CLAIM, SEND or POINTS. */
    public String issueType;
    public CouponState state;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    @Schema(type = "string", format = "date-time")
    public OffsetDateTime claimedAt;
}
