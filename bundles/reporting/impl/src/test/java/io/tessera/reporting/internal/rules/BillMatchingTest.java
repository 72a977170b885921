package io.tessera.reporting.internal.rules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.tessera.reporting.api.DifferenceKind;
import io.tessera.reporting.internal.rules.BillMatching.Found;
import io.tessera.reporting.internal.rules.BillMatching.Line;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

public class BillMatchingTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);
    private static final Duration WAIT = Duration.ofMinutes(15);

    private static Line bill(String no, boolean refund, long amount, long fee, String state) {
        return new Line(BillMatching.key(refund, no), no, refund, amount, fee, state, DAY.atTime(12, 0), null, null, "CH" + no);
    }

    private static Line ours(String no, boolean refund, long amount, long fee, LocalDateTime at) {
        return new Line(BillMatching.key(refund, no), no, refund, amount, fee, null, at, "SO" + no, 103L, null);
    }

    private static Line ours(String no, long amount, long fee) {
        return ours(no, false, amount, fee, DAY.atTime(12, 0));
    }

    @Test
    public void aBillThatAgreesHasNoDifference() {
        var r = BillMatching.match(DAY, List.of(bill("A", false, 1000, 6, "SUCCESS"), bill("AR", true, 200, 1, "REFUND")),
                List.of(ours("A", 1000, 6), ours("AR", true, 200, 1, DAY.atTime(13, 0))), Map.of(), Set.of(), WAIT);
        assertEquals(2, r.matched());
        assertTrue(r.differences().isEmpty());
    }

    @Test
    public void oneOfEachKind() {
        var r = BillMatching.match(DAY,
                List.of(bill("B", false, 2001, 12, "SUCCESS"), bill("C", false, 3000, 19, "SUCCESS"), bill("E", false, 500, 3, "SUCCESS"),
                        bill("F", false, 700, 4, "REVOKED")),
                List.of(ours("A", 1000, 6), ours("B", 2000, 12), ours("C", 3000, 18), ours("F", 700, 4)), Map.of(), Set.of(), WAIT);
        assertEquals(0, r.matched());
        assertEquals(List.of(DifferenceKind.AMOUNT_MISMATCH, DifferenceKind.FEE_MISMATCH, DifferenceKind.MISSING_IN_TESSERA,
                DifferenceKind.STATUS_MISMATCH, DifferenceKind.MISSING_IN_BILL), r.differences().stream().map(Found::kind).toList());
        Found missing = r.differences().get(4);
        assertEquals("A", missing.tessera().tradeNo());
        assertNull(missing.bill());
        assertFalse(missing.waiting());
    }

    @Test
    public void aTradeJustBeforeMidnightWaitsForTheNextBill() {
        var late = ours("L", false, 100, 1, DAY.atTime(23, 50));
        var r = BillMatching.match(DAY, List.of(), List.of(late), Map.of(), Set.of(), WAIT);
        assertTrue(r.differences().get(0).waiting());
        var early = BillMatching.match(DAY, List.of(), List.of(ours("M", false, 100, 1, DAY.atTime(23, 40))), Map.of(), Set.of(), WAIT);
        assertFalse(early.differences().get(0).waiting());
        assertFalse("no wait configured", BillMatching.match(DAY, List.of(), List.of(late), Map.of(), Set.of(), Duration.ZERO)
                .differences().get(0).waiting());
    }

    @Test
    public void aBillLineFindsTesseraOnAnotherDayAndAnEarlierBillCountsForTessera() {
        // paid at the channel at 23:59:58 of the 3rd, in Tessera at 00:00:01 of the 4th: the 3rd's bill has it
        Line ourOfYesterday = ours("Y", false, 100, 1, DAY.minusDays(1).atTime(23, 59, 59));
        var r = BillMatching.match(DAY, List.of(bill("Y", false, 100, 1, "SUCCESS")), List.of(ours("Z", 50, 0)),
                Map.of("P:Y", ourOfYesterday), Set.of("P:Z"), WAIT);
        assertEquals(1, r.matched());
        assertTrue(r.differences().isEmpty());
    }

    @Test
    public void alipayWordsCountAsSuccess() {
        assertNull(BillMatching.compare(bill("A", false, 10, 0, "交易"), ours("A", 10, 0)));
        assertNull(BillMatching.compare(bill("A", true, 10, 0, "退款"), ours("A", true, 10, 0, DAY.atTime(1, 0))));
        assertEquals(DifferenceKind.STATUS_MISMATCH, BillMatching.compare(bill("A", true, 10, 0, "PROCESSING"), ours("A", true, 10, 0, DAY.atTime(1, 0))));
        assertNull("a failed line Tessera does not count either", BillMatching.compare(bill("A", false, 10, 0, "PAYERROR"), null));
    }
}
