package io.tessera.coupons.api;

import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Filters for claim and redemption records (business days, inclusive); page from 1, size 1 to 200. Store roles see their stores only. */
public class RecordQuery {
    /** Template name starts with. */
    public String templateName;
    public Long templateId;
    public String couponNo;
    public Long storeId;
    public Long memberId;
    public CouponKind kind;
    /** Redemptions paid (also) with this method: MEMBER, WECHAT, ALIPAY, CASH, POS_CARD, NONE. */
    public String payMethod;
    /** Redemptions from this source: POS, PAYMENT_CODE, MINI_PROGRAM, TERMINAL. */
    public String source;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate from;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate to;
    public int page = 1;
    public int size = 20;
}
