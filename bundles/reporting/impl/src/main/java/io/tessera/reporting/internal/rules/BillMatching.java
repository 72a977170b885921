package io.tessera.reporting.internal.rules;

import io.tessera.reporting.api.DifferenceKind;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A day's bill against Tessera, line by line, keyed by the trade (a payment by its out trade no, a refund by its out
 * refund no): each bill line finds Tessera's trade of the day or of another day (a payment just before midnight is
 * paid in Tessera the next day); one that finds none is MISSING_IN_TESSERA; a pair differs in amount, then in fee,
 * then in state (the bill's line is not a success while Tessera counted the trade). Each of Tessera's trades of the
 * day that no line found, and no earlier bill had, is MISSING_IN_BILL — except in the day's last
 * {@link #MIDNIGHT} minutes, where it waits for the next day's bill.
 */
public final class BillMatching {

    /** By default, trades of the day's last 15 minutes missing from the bill wait for the next day's bill. */
    public static final Duration MIDNIGHT = Duration.ofMinutes(15);

    /** One trade as the bill or Tessera has it; amounts and fees in fen, positive (a refund's fee: what it returned). */
    public record Line(String key, String tradeNo, boolean refund, long amountFen, long feeFen, String state, LocalDateTime at,
                       String orderNo, Long storeId, String channelNo) {
    }

    /** A difference: its kind, whether it waits for the next bill, and both sides (either may be absent). */
    public record Found(DifferenceKind kind, boolean waiting, Line bill, Line tessera) {
    }

    /** What the matching found: lines matched and the differences. */
    public record Result(long matched, List<Found> differences) {
    }

    private BillMatching() {
    }

    public static String key(boolean refund, String tradeNo) {
        return (refund ? "R:" : "P:") + tradeNo;
    }

    /** Whether a bill line says the trade went through: a payment (WeChat SUCCESS, Alipay 交易) or a refund (REFUND, 退款). */
    public static boolean succeeded(Line bill) {
        String s = bill.state() == null ? "" : bill.state().trim();
        return bill.refund() ? s.equals("REFUND") || s.equals("退款") : s.equals("SUCCESS") || s.equals("交易");
    }

    /**
     * @param bill      the bill's lines
     * @param ofDay     Tessera's trades of the day in the merchant account's stores
     * @param elsewhere Tessera's trades of other days that bill lines name (by key)
     * @param billedBefore keys an earlier bill of the channel had
     * @param wait      how long before midnight a trade missing from the bill waits for the next day's
     */
    public static Result match(LocalDate day, List<Line> bill, List<Line> ofDay, Map<String, Line> elsewhere, Set<String> billedBefore,
                               Duration wait) {
        Map<String, Line> tessera = new HashMap<>();
        ofDay.forEach(l -> tessera.put(l.key(), l));
        List<Found> found = new ArrayList<>();
        long matched = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Line b : bill) {
            seen.add(b.key());
            Line t = tessera.containsKey(b.key()) ? tessera.get(b.key()) : elsewhere.get(b.key());
            DifferenceKind kind = compare(b, t);
            if (kind == null) {
                if (t != null) {
                    matched++;
                }
            } else {
                found.add(new Found(kind, false, b, t));
            }
        }
        LocalDateTime waitFrom = day.plusDays(1).atStartOfDay().minus(wait);
        for (Line t : ofDay) {
            if (!seen.contains(t.key()) && !billedBefore.contains(t.key())) {
                found.add(new Found(DifferenceKind.MISSING_IN_BILL, !wait.isZero() && !t.at().isBefore(waitFrom), null, t));
            }
        }
        return new Result(matched, found);
    }

    /** How a bill line and Tessera's trade differ (null: they agree, or neither counts the trade). */
    public static DifferenceKind compare(Line bill, Line tessera) {
        if (tessera == null) {
            return succeeded(bill) ? DifferenceKind.MISSING_IN_TESSERA : null;
        }
        if (!succeeded(bill)) {
            return DifferenceKind.STATUS_MISMATCH;
        }
        if (bill.amountFen() != tessera.amountFen()) {
            return DifferenceKind.AMOUNT_MISMATCH;
        }
        if (bill.feeFen() != tessera.feeFen()) {
            return DifferenceKind.FEE_MISMATCH;
        }
        return null;
    }
}
