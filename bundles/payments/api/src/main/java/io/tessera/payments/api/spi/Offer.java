package io.tessera.payments.api.spi;

import io.tessera.platform.api.Money;
import java.util.List;

/**
 * A discount a collaborator offers: at most {@link #amount} off the lines it names (all lines when none),
 * spread by checkout over them in proportion to what they still cost — or, when {@link #perLine} is given,
 * exactly that much off each line (a collaborator that prices per unit or splits its own discount).
 * Checkout cuts every line's share to what the line still costs.
 */
public class Offer {
    /** What the discount is recorded as, e.g. the coupon code or "500 points". */
    public String reference;
    /** The whole discount; with {@link #perLine}, their sum. */
    public Money amount;
    /** 0-based line indexes; empty = the whole order. Ignored when {@link #perLine} is given. */
    public List<Integer> lines = List.of();
    /** Optional: what to take off each order line, one per line in line order (zero where none). */
    public List<Money> perLine;
    /** For collaborators that count (points): how many are used for {@link #amount}. */
    public Long quantity;
}
