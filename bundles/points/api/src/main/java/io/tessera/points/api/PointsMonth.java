package io.tessera.points.api;

import javax.xml.bind.annotation.XmlType;

/**
 * A month of points (积分数据): issued (orders, activities, grants), spent (checkout, the mall), released (orders closed
 * unpaid), put back (refunds of orders that used points), expired, taken back (refunds of orders that earned), adjusted
 * (headquarters, either way), their net, and — for the chain — what it owes its members at the month's end.
 */
@XmlType(name = "pointsMonth")
public class PointsMonth {
    /** yyyy-MM. */
    public String month;
    public long issued;
    public long spent;
    public long released;
    public long putBack;
    public long expired;
    public long takenBack;
    public long adjusted;
    /** issued − spent + released + putBack − expired − takenBack + adjusted. */
    public long net;
    /** The chain's points liability at the month's end (every account's available + pending); null for a store. */
    public Long outstanding;
}
