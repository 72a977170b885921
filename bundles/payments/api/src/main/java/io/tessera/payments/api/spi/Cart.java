package io.tessera.payments.api.spi;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import java.util.List;

/** An order as a collaborator sees it when pricing: where, who, how it will be paid, and its lines with what they still cost. */
public class Cart {
    /** Null while the order is being priced. */
    public String orderNo;
    public long storeId;
    /** The store's business format code, for collaborators whose rules depend on it. */
    public String formatCode;
    /** Null for a guest. */
    public Long memberId;
    /** Where the order comes from: POS, TERMINAL, MINI_PROGRAM, PAYMENT_CODE. */
    public String channel;
    /** The tenders the order will be paid with. */
    public List<PaymentMethod> tenders;
    /** Whether the member's level discount was applied (for stacking rules). */
    public boolean levelDiscountApplied;
    public List<CartLine> lines;

    public static class CartLine {
        /** 0-based, the index an {@link Offer} names. */
        public int index;
        public String sku;
        public String barcode;
        public long quantity;
        public Money unitPrice;
        /** Quantity × unit price. */
        public Money amount;
        /** What the line still costs after the discounts applied before this collaborator. */
        public Money payable;
    }
}
