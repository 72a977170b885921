package io.tessera.payments.api.spi;

import io.tessera.platform.api.PaymentMethod;

/**
 * Who a channel's payer is among the members: marketing's pay-to-become-member (支付即会员). Checkout asks it when a
 * sale without a member is paid through a channel that named its payer, inside the transaction that marks the order
 * PAID, so the member it answers is the order's member in the {@code payments.order_paid} event (points and
 * experience follow the sale as for any member's) and the member's enrolment commits or rolls back with the payment.
 * Optional: without an implementation such a sale stays without a member. Implementations join the caller's
 * transaction and answer null rather than throw when the payer becomes no member.
 */
public interface PayerMembers {

    /** The member the payer is (linked by an earlier payment, or enrolled now); null: none. */
    Long memberFor(Payer payer);

    /** A payer as the channel named them, and where they paid. */
    final class Payer {
        /** WECHAT or ALIPAY. */
        public PaymentMethod channel;
        /** The channel's id of the payer for the merchant (openid, buyer_user_id); never logged. */
        public String payerId;
        public long storeId;
        public String orderNo;
    }
}
