package io.tessera.payments.api;

import io.tessera.platform.api.Page;
import java.util.List;

/** Reading orders and refunds; a store's operators and clients see only their stores' orders. */
public interface OrderQueryService {

    Order get(String orderNo);

    Page<Order> list(OrderQuery query);

    List<Refund> refunds(String orderNo);

    Refund refund(String refundNo);
}
