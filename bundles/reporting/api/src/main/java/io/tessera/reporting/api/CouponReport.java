package io.tessera.reporting.api;

import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** 优惠券统计: coupons claimed, redeemed and returned per day (ranges up to 62 days) or month, and over the range. */
public class CouponReport {
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate from;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate to;
    public Long storeId;
    public String formatCode;
    /** DAY or MONTH. */
    public String grain;
    /** The periods in which coupons moved, oldest first. */
    public List<CouponLine> periods = new ArrayList<>();
    public CouponLine total;
}
