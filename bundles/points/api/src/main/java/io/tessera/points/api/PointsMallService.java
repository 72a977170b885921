package io.tessera.points.api;

import io.tessera.platform.api.Page;
import java.util.List;

/**
 * The points mall (积分商城): coupon templates marked exchangeable, with their points price; an exchange takes the
 * points and issues the coupon in one transaction (the coupons' stock and limits hold; a refusal of either side
 * leaves both untouched). 503 POINTS_MALL_NOT_AVAILABLE while the coupons domain is not installed.
 */
public interface PointsMallService {

    /** The active exchangeable templates usable in the store (null: any), with what the member can afford. */
    List<MallItem> items(long memberId, Long storeId);

    /** Once per idempotency key. */
    Exchange exchange(Requests.Exchange request, String idempotencyKey);

    /** The member's exchanges, newest first. */
    Page<Exchange> exchanges(long memberId, int page, int size);
}
