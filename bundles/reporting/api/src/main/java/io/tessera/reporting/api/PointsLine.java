package io.tessera.reporting.api;

/**
 * 积分数据 of one period (or of the whole range), in points: issued (orders, activities, grants), spent (checkout, the
 * points mall), released (orders closed unpaid), put back (refunds of orders that used points), expired, taken back
 * (refunds of orders that earned), adjusted (headquarters, either way) — each as a positive figure but adjusted —
 * and net = issued − spent + released + putBack − expired − takenBack + adjusted. The same columns as the points
 * domain's monthly statistics.
 */
public class PointsLine {
    /** The day (yyyy-MM-dd) or month (yyyy-MM); absent on the total. */
    public String period;
    public long issued;
    public long spent;
    public long released;
    public long putBack;
    public long expired;
    public long takenBack;
    public long adjusted;
    public long net;
}
