package io.tessera.members.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Experience from sales: ⌊paid through the tenders that count × experience per yuan⌋; a refund takes back the share of
 * it the refunds of the order so far make (counted together, so the last refund takes back the rest).
 */
public final class ExperienceRule {

    private ExperienceRule() {
    }

    public static long earned(long fen, BigDecimal perYuan) {
        if (fen <= 0 || perYuan.signum() <= 0) {
            return 0;
        }
        return BigDecimal.valueOf(fen).movePointLeft(2).multiply(perYuan).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** What the refunds so far should have taken back in all, of {@code earned} on {@code baseFen}. */
    public static long takenBack(long earned, long baseFen, long refundedFen) {
        if (earned <= 0 || baseFen <= 0 || refundedFen <= 0) {
            return 0;
        }
        if (refundedFen >= baseFen) {
            return earned;
        }
        return BigInteger.valueOf(earned).multiply(BigInteger.valueOf(refundedFen)).divide(BigInteger.valueOf(baseFen)).longValueExact();
    }
}
