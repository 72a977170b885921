package io.tessera.coupons.api;

import io.tessera.platform.api.Money;
import javax.xml.bind.annotation.XmlType;

/** One month of coupons (优惠券月度统计), in all or for one template. */
@XmlType(name = "couponMonthlyStat")
public class MonthlyStat {
    /** yyyy-MM, business time. */
    public String month;
    /** Set when the statistics are per template. */
    public Long templateId;
    public String templateName;
    public long claimed;
    public long redeemed;
    /** What the redeemed coupons took off their orders. */
    public Money discount;
    /** Coupons refunds gave back, and the discount they had taken. */
    public long returned;
    public Money returnedDiscount;
}
