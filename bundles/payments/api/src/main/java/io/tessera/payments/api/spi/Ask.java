package io.tessera.payments.api.spi;

/** What an order asks of one collaborator: a coupon by its code, or a number of points. */
public class Ask {
    /** The collaborator's source, e.g. "COUPON". */
    public String source;
    /** The coupon code, or what the collaborator names its item by. */
    public String reference;
    /** A quantity (points), when the collaborator counts. */
    public Long quantity;

    public Ask() {
    }

    public Ask(String source, String reference, Long quantity) {
        this.source = source;
        this.reference = reference;
        this.quantity = quantity;
    }
}
