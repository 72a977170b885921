package io.tessera.payments.internal.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The channels' fees, in whole fen. A payment's fee is its amount times the channel's rate, rounded half up
 * to the fen (as WeChat Pay and Alipay state their fees). A refund returns the refunded amount times the
 * same rate, rounded the same way (the channels return the fee pro rata), never more than is left of the
 * fee, and the refund that completes the payment returns all that is left: the fees returned over all
 * refunds add up to the fee.
 * Member stored value and cash have no fee (rate zero).
 */
public final class Fees {

    private Fees() {
    }

    /** The fee of a payment of {@code amountFen} at {@code rate} (e.g. 0.0060 for 0.6 %). */
    public static long fee(long amountFen, BigDecimal rate) {
        check(amountFen, rate);
        return BigDecimal.valueOf(amountFen).multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * The fee returned by a refund.
     *
     * @param paidFen        the payment's amount
     * @param feeFen         the payment's fee
     * @param rate           the rate the fee was taken at
     * @param refundedBefore what earlier refunds of this payment gave back
     * @param feeReturnedBefore the fee earlier refunds returned
     * @param refundFen      this refund's amount; with {@code refundedBefore} at most {@code paidFen}
     */
    public static long returned(long paidFen, long feeFen, BigDecimal rate, long refundedBefore, long feeReturnedBefore,
            long refundFen) {
        if (refundFen <= 0 || refundedBefore < 0 || refundedBefore + refundFen > paidFen) {
            throw new IllegalArgumentException("refund " + refundFen + " after " + refundedBefore + " of " + paidFen);
        }
        long feeLeft = feeFen - feeReturnedBefore;
        if (refundedBefore + refundFen == paidFen) {
            return feeLeft;
        }
        return Math.min(fee(refundFen, rate), feeLeft);
    }

    private static void check(long amountFen, BigDecimal rate) {
        if (amountFen < 0 || rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("amount " + amountFen + ", rate " + rate);
        }
    }
}
