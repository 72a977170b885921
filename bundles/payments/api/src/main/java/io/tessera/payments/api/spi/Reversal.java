package io.tessera.payments.api.spi;

import io.tessera.platform.api.Money;

/** What a collaborator did about a refund: e.g. coupon C123 RETURNED, or 300 points TAKEN_BACK (and the shortfall). */
public class Reversal {
    /** The collaborator's source (set by checkout). */
    public String source;
    public String reference;
    /** RETURNED, KEPT, TAKEN_BACK, PUT_BACK, ... (the collaborator's words). */
    public String action;
    public Long quantity;
    public Money amount;
    public String note;
}
