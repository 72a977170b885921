package io.tessera.coupons.api;

import io.tessera.platform.api.Page;

/** Reading coupons. */
public interface CouponQueryService {

    /** A coupon with its history. */
    Coupon get(String couponNo);

    Page<Coupon> list(CouponQuery query);
}
