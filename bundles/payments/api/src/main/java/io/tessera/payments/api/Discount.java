package io.tessera.payments.api;

import io.tessera.platform.api.Money;

/** A discount as applied: its source (LEVEL, COUPON, POINTS), what it names (a coupon code), and the amount it took. */
public class Discount {
    public String source;
    public String reference;
    public Money amount;

    public Discount() {
    }

    public Discount(String source, String reference, Money amount) {
        this.source = source;
        this.reference = reference;
        this.amount = amount;
    }
}
