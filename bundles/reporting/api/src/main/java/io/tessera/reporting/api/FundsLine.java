package io.tessera.reporting.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * 财务对账, one day of one merchant account: the funds that should reach the bank = sales through the channel (net of
 * refunds) + member recharges paid through it (the paid part, net of refunds) − the channel's fees; beside them what
 * the channel's bill of that day says, when it was imported.
 */
public class FundsLine {
    /** Absent on the totals line. */
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate day;
    public PaymentMethod method;
    /** Absent when the channel is not installed here (its stores cannot be told apart). */
    public String merchantId;
    public Money sales;
    public Money recharges;
    public Money fees;
    public Money funds;
    /** The bill's paid − refunded − fee (absent without a bill). */
    public Money billFunds;
    /** billFunds − funds (absent without a bill). */
    public Money difference;
}
