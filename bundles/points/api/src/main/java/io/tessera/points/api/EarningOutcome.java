package io.tessera.points.api;

/**
 * Why an order or activity earned what it did: every one is recorded, 0 points included, so the question
 * "why no points?" has an answer (with an explanation in words).
 */
public enum EarningOutcome {
    /** Points earned (perhaps fewer than computed: a cap applied, the explanation says which). */
    EARNED,
    /** No active rule covers the store (and day) of the order or activity. */
    NO_RULE,
    /** The order had no member. */
    NO_MEMBER,
    /** The member's card was returned. */
    MEMBER_NOT_ACTIVE,
    /** A recharge order: recharges earn through a RECHARGE activity rule instead. */
    NOT_SALE,
    /** Every tender of the order was one the rule gives no points for (e.g. stored value). */
    TENDER_EXCLUDED,
    /** Nothing was paid that earns: under 1 point. */
    ZERO_BASE,
    /** The member had reached the rule's daily cap. */
    CAP_DAY
}
