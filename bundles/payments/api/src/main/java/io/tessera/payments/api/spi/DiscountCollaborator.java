package io.tessera.payments.api.spi;

import java.util.List;

/**
 * A domain that takes money off an order at checkout: coupons, points. Registered as a DS service with
 * {@link #SOURCE} (the name an order's discounts carry, e.g. "COUPON") and {@link #RANK} (collaborators
 * are asked in ascending rank, after the member's level discount). Checkout holds them as optional,
 * dynamic references: an order that asks for a collaborator that is not installed is refused
 * (422 DISCOUNT_NOT_AVAILABLE), every other order is unaffected.
 *
 * <p>The life of a discount: {@link #validate} and {@link #price} when the order is priced (nothing
 * written); {@link #reserve} in the transaction that creates the order (a coupon locked to the order,
 * points set aside); then exactly one of {@link #commit} (the order is paid, in the transaction that marks
 * it paid) or {@link #release} (the order closed unpaid); after a commit, {@link #reverse} for each refund.
 * Every method but the first two joins checkout's JTA transaction (there must be one), takes no
 * idempotency key and never retries: checkout's unit of work owns both. Each is called at most once per
 * order (per refund for {@code reverse}) and must be safe if called again with the same arguments after a
 * crash (answer as before, change nothing). Refusals are {@code TesseraException}s with the collaborator's
 * own error codes and the field at fault; checkout passes them on unchanged.
 */
public interface DiscountCollaborator {

    /** Service property: the source name, e.g. "COUPON" or "POINTS". */
    String SOURCE = "tessera.discount.source";
    /** Service property: an Integer; lower ranks are applied first. */
    String RANK = "tessera.discount.rank";

    /** Refuses what cannot be used on this cart (unknown coupon, not this store, below the minimum spend, too few points) and why. */
    void validate(Cart cart, List<Ask> asks);

    /** The discounts offered for {@code asks} on this cart, each at most what it names (checkout cuts each to what the lines still cost). */
    List<Offer> price(Cart cart, List<Ask> asks);

    /**
     * Sets aside what the order uses (as priced and cut by checkout) for the order until commit, release or
     * expiry. {@code cart} is the cart exactly as {@link #price} saw it (lines with what they cost before this
     * collaborator), now with the order's no.
     */
    void reserve(String orderNo, Cart cart, List<Taken> taken);

    /** The order is paid: what was reserved is used. */
    void commit(String orderNo);

    /** The order closed unpaid (cancelled, a tender failed, expired): what was reserved is free again. */
    void release(String orderNo);

    /**
     * Part or all of a paid order is refunded: the collaborator decides what it gives back (a coupon returned,
     * points put back or taken back) and answers what it did, which the refund records. Called before the
     * refund's money is split over the tenders, so a reversal may change what the refund gives back
     * ({@link Reversal#perLine}).
     */
    List<Reversal> reverse(String orderNo, RefundView refund);
}
