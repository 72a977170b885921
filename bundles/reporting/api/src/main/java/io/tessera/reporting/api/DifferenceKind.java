package io.tessera.reporting.api;

/**
 * How a channel's bill and Tessera disagree about one trade (a payment by its out trade no, a refund by its out
 * refund no): in the bill but not in Tessera; in Tessera but not in the bill; both, with another amount; both, same
 * amount, another fee; both, but the bill's state is not a success (e.g. REVOKED) while Tessera counted it.
 */
public enum DifferenceKind { MISSING_IN_TESSERA, MISSING_IN_BILL, AMOUNT_MISMATCH, FEE_MISMATCH, STATUS_MISMATCH }
