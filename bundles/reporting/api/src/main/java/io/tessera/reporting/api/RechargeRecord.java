package io.tessera.reporting.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** 充值明细: one recharge or reversal as the stored-value journal wrote it, with its store and member named. */
public class RechargeRecord {
    /** The journal row. */
    public long entryId;
    /** RECHARGE or REVERSAL. */
    public String type;
    /** The order no or recharge slip no. */
    public String orderNo;
    public long storeId;
    public String storeName;
    public Long memberId;
    public String memberNo;
    public String memberName;
    /** Masked (138****5678) for callers of a store. */
    public String phone;
    /** The legacy card the recharge was linked to, if any. */
    public String cardNo;
    /** paidAmount + bonusAmount (negative for a reversal). */
    public Money rechargeAmount;
    public Money paidAmount;
    public Money bonusAmount;
    public Money cardFee;
    public PaymentMethod method;
    public String operator;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime at;
}
