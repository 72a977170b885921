package io.tessera.payments.api.spi;

import io.tessera.platform.api.Money;
import java.util.List;

/** A discount a collaborator offers: at most {@link #amount} off the lines it names (all lines when none). */
public class Offer {
    /** What the discount is recorded as, e.g. the coupon code or "500 points". */
    public String reference;
    public Money amount;
    /** 0-based line indexes; empty = the whole order. */
    public List<Integer> lines = List.of();
    /** For collaborators that count (points): how many are used for {@link #amount}. */
    public Long quantity;
}
