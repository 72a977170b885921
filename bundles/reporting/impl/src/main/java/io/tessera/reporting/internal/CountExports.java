package io.tessera.reporting.internal;

import io.tessera.platform.api.jobs.JobProgress;
import io.tessera.reporting.api.CouponLine;
import io.tessera.reporting.api.CouponReport;
import io.tessera.reporting.api.OverviewLine;
import io.tessera.reporting.api.OverviewReport;
import io.tessera.reporting.api.PointsLine;
import io.tessera.reporting.api.PointsReport;
import java.io.IOException;

/** The files of 概览, 积分数据 and 优惠券统计: a row per period, then the total, as the screens show them. */
final class CountExports {

    private CountExports() {
    }

    static String overview(JobProgress p, OverviewReport r, boolean xlsx, String days) throws IOException {
        try (TableFile f = TableFile.open(p, "overview-" + days, xlsx, "概览数据", period(r.grain), "会员总数", "新增会员", "销售笔数", "销售实收", "充值笔数",
                "充值金额", "储值消费笔数", "储值消费金额", "领券数", "核销数", "优惠金额", "发放积分", "使用积分")) {
            for (OverviewLine l : r.periods) {
                line(f, l.period, l);
            }
            line(f, "合计", r.total);
        }
        return done(p, r.periods.size());
    }

    private static void line(TableFile f, String name, OverviewLine l) throws IOException {
        f.row(name, l.members, l.newMembers, l.sales, l.salesAmount, l.recharges, l.rechargeAmount, l.consumptions, l.consumptionAmount,
                l.couponsClaimed, l.couponsRedeemed, l.couponDiscount, l.pointsIssued, l.pointsSpent);
    }

    static String points(JobProgress p, PointsReport r, boolean xlsx, String days) throws IOException {
        try (TableFile f = TableFile.open(p, "points-" + days, xlsx, "积分数据", period(r.grain), "发放", "使用", "释放", "退回", "过期", "扣回", "调整",
                "净增")) {
            for (PointsLine l : r.periods) {
                line(f, l.period, l);
            }
            line(f, "合计", r.total);
        }
        return done(p, r.periods.size());
    }

    private static void line(TableFile f, String name, PointsLine l) throws IOException {
        f.row(name, l.issued, l.spent, l.released, l.putBack, l.expired, l.takenBack, l.adjusted, l.net);
    }

    static String coupons(JobProgress p, CouponReport r, boolean xlsx, String days) throws IOException {
        try (TableFile f = TableFile.open(p, "coupons-" + days, xlsx, "优惠券统计", period(r.grain), "领取", "核销", "优惠金额", "退回", "退回优惠金额")) {
            for (CouponLine l : r.periods) {
                line(f, l.period, l);
            }
            line(f, "合计", r.total);
        }
        return done(p, r.periods.size());
    }

    private static void line(TableFile f, String name, CouponLine l) throws IOException {
        f.row(name, l.claimed, l.redeemed, l.discount, l.returned, l.returnedDiscount);
    }

    private static String period(String grain) {
        return "DAY".equals(grain) ? "日期" : "月份";
    }

    private static String done(JobProgress p, int lines) {
        p.done(lines + 1L);
        return (lines + 1) + " row(s)";
    }
}
