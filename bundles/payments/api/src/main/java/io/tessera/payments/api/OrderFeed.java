package io.tessera.payments.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Every paid order, oldest first, with its refunds: what a read model kept from the payments' events
 * (reporting) is rebuilt from. For callers that see every store (headquarters, system); a cursor, never a page
 * number, so a scan over millions of orders costs the same at its end as at its start.
 */
public interface OrderFeed {

    /** The most orders one call answers. */
    int MAX = 1000;

    /** Up to {@code limit} (1 to {@link #MAX}) orders paid at some time, made after {@code cursor} (0: from the first). */
    Batch next(long cursor, int limit);

    /** One call's orders and the cursor the next call starts from. */
    class Batch {
        public List<Item> items = new ArrayList<>();
        /** The cursor of the last order given (the same as asked when none). */
        public long cursor;
    }

    /** An order as {@code GET /orders/{no}} answers it, with its refunds in the order they were made. */
    class Item {
        public Order order;
        public List<Refund> refunds = new ArrayList<>();
    }
}
