package io.tessera.payments.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import java.math.BigDecimal;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A tender of an order: how much by which method, where it is, its channel fee, what refunds gave back of it. */
public class Tender {
    public long id;
    public PaymentMethod method;
    public Money amount;
    public TenderStatus status;
    public BigDecimal feeRate;
    public Money fee;
    public Money refunded;
    public Money feeReturned;
    /** MEMBER: the wallet journal row of the payment. */
    public Long walletEntryId;
    /** WECHAT, ALIPAY: Tessera's number of the attempt, and the channel's. */
    public String outTradeNo;
    public String channelTradeNo;
    /** WECHAT, ALIPAY paid by QR code: what the code shows. */
    public String codeUrl;
    /** WECHAT, ALIPAY: what the channel said when it refused, or why its answer is awaited (never a secret). */
    public String channelCode;
    public String channelMessage;
    /** POS_CARD: the terminal's reference. */
    public String terminalRef;
    /** CASH: what the customer handed over, and the change given. */
    public Money cashReceived;
    public Money change;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime createdAt;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime settledAt;
}
