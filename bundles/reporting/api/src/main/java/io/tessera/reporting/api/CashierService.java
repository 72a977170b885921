package io.tessera.reporting.api;

import io.tessera.platform.api.Page;
import io.tessera.platform.api.PaymentMethod;

/**
 * 收银员对账: a store's takings for a day, per till and cashier, expected against counted. A store's operators see and
 * count their stores only.
 */
public interface CashierService {

    CashierReconciliation reconcile(CashierQuery query);

    /** The order payments and refunds behind a method (all methods when null), oldest first. */
    Page<CashierOrder> orders(CashierQuery query, PaymentMethod method, int page, int size);

    /** Records what was counted (replacing an earlier count of the same store, day, till and cashier) and answers the reconciliation. */
    CashierReconciliation count(CashierCount count);
}
