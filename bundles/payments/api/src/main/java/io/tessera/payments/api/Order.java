package io.tessera.payments.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import java.math.BigDecimal;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.List;

/** An order as Tessera keeps it: priced line by line, with its tenders and what was refunded. */
public class Order {
    public String orderNo;
    public long storeId;
    /** The store's format (业态) when the order was made. */
    public String formatCode;
    public String posOrderNo;
    /** The till it was rung up at, when the POS said. */
    public String tillNo;
    public Long memberId;
    public OrderKind kind;
    public OrderState state;
    /** POS, TERMINAL, MINI_PROGRAM, PAYMENT_CODE. */
    public String source;
    /** The tenders the order was priced for. */
    public List<PaymentMethod> pricedFor;
    /** The member level's rate applied, or null. */
    public BigDecimal levelRate;
    /** Lines before discounts. */
    public Money gross;
    public Money discount;
    /** What the customer pays: gross − discount. */
    public Money payable;
    public Money paid;
    public Money refunded;
    public List<OrderLine> lines;
    /** Every discount applied, in order, with what it took off the order. */
    public List<Discount> discounts;
    public List<Tender> tenders;
    /** A RECHARGE order once paid: the wallet journal row that credited the member (once). */
    public Long walletEntryId;
    public String remark;
    /** Who made the order: the operator's employee no (the cashier), the integrator client, or the console. */
    public String operator;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime createdAt;
    /** An unpaid order closes by itself after this. */
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime expiresAt;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime paidAt;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime closedAt;
}
