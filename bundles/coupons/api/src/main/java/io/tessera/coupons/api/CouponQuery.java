package io.tessera.coupons.api;

/** Filters for a list of coupons; page from 1, size 1 to 200. */
public class CouponQuery {
    public Long memberId;
    public Long templateId;
    public CouponState state;
    public int page = 1;
    public int size = 20;
}
