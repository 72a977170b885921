package io.tessera.reporting.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** One order payment or refund behind a method's expected amount, to find a wrong method or a missed order. */
public class CashierOrder {
    public String orderNo;
    /** Absent for a payment. */
    public String refundNo;
    /** SALE or RECHARGE. */
    public String orderKind;
    public PaymentMethod method;
    /** Positive paid, negative refunded. */
    public Money amount;
    public String tillNo;
    public String cashier;
    public Long memberId;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime at;
}
