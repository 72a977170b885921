package io.tessera.payments.api.spi;

import io.tessera.payments.api.Order;
import io.tessera.payments.api.OrderLine;
import io.tessera.payments.api.Refund;
import io.tessera.platform.api.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A refund of a paid order, as a collaborator sees it to decide what it gives back. */
public class RefundView {
    public String refundNo;
    /** Money this refund gives back before the collaborators' adjustments ({@link Reversal#perLine}). */
    public Money amount;
    /** The order's paid amount, and what earlier refunds gave back. */
    public Money paid;
    public Money refundedBefore;
    /** True when this refund (before adjustments) completes the order's refund. */
    public boolean full;
    /** Every line of the order, in order: what this refund gives back of it (zero for lines it leaves alone) and what earlier ones did. */
    public List<Line> lines;

    /** What this refund gives back of one line, and the line as it stands before it. */
    public static class Line {
        public int index;
        public String sku;
        /** Units returned (0 for a refund by amount only). */
        public long quantity;
        /** Money given back for the line (before adjustments). */
        public Money amount;
        /** The line's units and what it cost in the end (after every discount). */
        public long lineQuantity;
        public Money payable;
        /** Units and money earlier refunds gave back for the line. */
        public long returnedBefore;
        public Money refundedBefore;
        /**
         * What this collaborator's discounts (all of its source together) took off the line's refunded part,
         * in proportion, rounded down: a hint; a collaborator that needs it exactly keeps its own per-line record.
         */
        public Money discount;
    }

    /**
     * The view of a refund rebuilt from its event ({@code payments.order_refunded}: the refund and the order after
     * it), for a collaborator that learns of a refund late (its feature was not installed when it was made).
     * Without the per-source discount hints.
     */
    public static RefundView of(Refund refund, Order order) {
        Map<Integer, Refund.Line> back = new HashMap<>();
        for (Refund.Line l : refund.lines) {
            back.put(l.lineNo, l);
        }
        RefundView view = new RefundView();
        view.refundNo = refund.refundNo;
        view.amount = refund.amount;
        view.paid = order.paid;
        view.refundedBefore = order.refunded.minus(refund.amount);
        view.full = order.refunded.compareTo(order.paid) >= 0;
        view.lines = new ArrayList<>();
        for (int i = 0; i < order.lines.size(); i++) {
            OrderLine ol = order.lines.get(i);
            Refund.Line rl = back.get(ol.lineNo);
            Line l = new Line();
            l.index = i;
            l.sku = ol.sku;
            l.quantity = rl == null ? 0 : rl.quantity;
            l.amount = rl == null ? Money.ZERO : rl.amount;
            l.lineQuantity = ol.quantity;
            l.payable = ol.payable;
            l.returnedBefore = ol.returnedQuantity - l.quantity;
            l.refundedBefore = ol.refunded.minus(l.amount);
            view.lines.add(l);
        }
        return view;
    }
}
