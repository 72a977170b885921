package io.tessera.payments.api;

/**
 * The orders' use cases, for every face (REST, SOAP, console): each takes the idempotency key and runs
 * once, as one transaction across the domains it involves (the platform's unit of work): a retry with
 * the same key answers the first result and moves nothing twice.
 */
public interface CheckoutService {

    /**
     * Prices and records an order: the member's level discount if the order is paid only with tenders it
     * applies to, then each discount asked (its domain reserves it for the order). A POS retry with the same
     * POS order no and the same content answers the same order; other content: 409 ORDER_NO_CONFLICT.
     */
    Order create(Requests.CreateOrder request, String key);

    /**
     * Pays a CREATED order with tenders adding up to its payable amount (none for an order of zero). Member
     * stored value, cash and bank card settle at once; a channel tender settles when the channel answers or
     * notifies. Stored value is held until every tender has succeeded and captured in the transaction that
     * marks the order PAID; if a tender fails the hold is released and the order stays CREATED.
     */
    Order pay(String orderNo, Requests.Pay request, String key);

    /** Closes a CREATED order unpaid: holds and reserved discounts are released. */
    Order close(String orderNo, Requests.Close request, String key);

    /**
     * Refunds part or all of a PAID or PARTIALLY_REFUNDED order, by amount or by lines and units, never more
     * than was paid per line and per tender, back to the original tenders.
     */
    Refund refund(String orderNo, Requests.Refund request, String key);
}
