package io.tessera.coupons.api;

/** Filters for a list of templates; page from 1, size 1 to 200. A store's operators see their own and headquarters' for their stores. */
public class TemplateQuery {
    /** Name starts with. */
    public String name;
    public CouponKind kind;
    public TemplateStatus status;
    /** Templates whose coupons can be used in this store. */
    public Long storeId;
    /** Only those listed in the points mall. */
    public Boolean pointsExchangeable;
    public int page = 1;
    public int size = 20;
}
