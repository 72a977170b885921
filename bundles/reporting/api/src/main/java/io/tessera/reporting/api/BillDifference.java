package io.tessera.reporting.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.xml.LocalDateAdapter;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** One trade on which a bill and Tessera disagree, with both sides' figures and, once resolved, who won, who said so and why. */
public class BillDifference {
    public long id;
    public long billId;
    public PaymentMethod method;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate day;
    public DifferenceKind kind;
    public DifferenceState state;
    /** The out trade no of a payment, or the out refund no of a refund. */
    public String tradeNo;
    public boolean refund;
    public String channelNo;
    /** Tessera's side (absent when Tessera has no such trade). */
    public String orderNo;
    public Long storeId;
    public Money tesseraAmount;
    public Money tesseraFee;
    /** The bill's side (absent when the bill has no such line). */
    public Money billAmount;
    public Money billFee;
    public String billState;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime at;
    public Resolution resolution;
    public String resolvedBy;
    public String reason;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime resolvedAt;
}
