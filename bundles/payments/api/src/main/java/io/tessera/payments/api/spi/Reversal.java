package io.tessera.payments.api.spi;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.Money;
import java.util.List;
import javax.xml.bind.annotation.XmlTransient;

/** What a collaborator did about a refund: e.g. coupon C123 RETURNED, or 300 points TAKEN_BACK (and the shortfall). */
public class Reversal {
    /** The collaborator's source (set by checkout). */
    public String source;
    public String reference;
    /** RETURNED, KEPT, TAKEN_BACK, PUT_BACK, ... (the collaborator's words). */
    public String action;
    public Long quantity;
    /** What the reversal is worth, in the collaborator's words (e.g. the discount a returned coupon carried). */
    public Money amount;
    public String note;
    /**
     * Optional: a change to what this refund gives back, per order line in line order (null or zero where
     * none): negative keeps money back (a discount the customer no longer has a right to), positive gives
     * back what an earlier refund kept. Checkout applies it before the money goes to the tenders; each line
     * stays between zero and what it has left to refund, else the refund is refused.
     */
    @Schema(hidden = true)
    @XmlTransient
    public List<Money> perLine;
    /** Set by checkout: what this reversal changed the refund's money by (negative: kept back); absent when nothing. */
    public Money adjustment;
}
