package io.tessera.payments.api;

import io.tessera.platform.api.Money;
import java.util.List;

/** A line of an order: quantity × unit price, each discount taken off it, what it costs, what was refunded of it. */
public class OrderLine {
    /** 1-based. */
    public int lineNo;
    public String sku;
    public String barcode;
    public String name;
    public long quantity;
    public Money unitPrice;
    public Money amount;
    public List<Discount> discounts;
    public Money discount;
    public Money payable;
    public long returnedQuantity;
    public Money refunded;
}
