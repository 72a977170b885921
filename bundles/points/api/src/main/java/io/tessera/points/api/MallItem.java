package io.tessera.points.api;

import io.tessera.platform.api.Money;
import javax.xml.bind.annotation.XmlType;

/** A coupon template of the points mall (积分商城) as a member sees it: what it is, its price, whether they can afford it. */
@XmlType(name = "pointsMallItem")
public class MallItem {
    public long templateId;
    public String name;
    public String description;
    /** The coupon's kind (CASH, THRESHOLD, SINGLE_ITEM, EXCHANGE, DISCOUNT). */
    public String kind;
    public Money value;
    public Money minSpend;
    public long pointsPrice;
    /** Coupons left (null: no stock limit). */
    public Long stockLeft;
    /** Whether the member's spendable points cover the price. */
    public boolean affordable;
}
