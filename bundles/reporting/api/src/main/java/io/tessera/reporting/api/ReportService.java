package io.tessera.reporting.api;

import io.tessera.platform.api.Page;

/**
 * The reports, from the read model. Headquarters and finance see every store; a store's operators and clients
 * only their stores (a report without a store is then over their stores).
 */
public interface ReportService {

    /** 支付方式报表 for the days, a store or format. */
    PaymentMethodReport paymentMethods(ReportQuery query);

    /** 充值数据 summary for the days, a store or format, a method. */
    RechargeReport recharges(ReportQuery query);

    /** 储值数据: stored value moved per journal row type (消费, 退款, 退卡...) and per period, and its net; filter: method. */
    StoredValueReport storedValue(ReportQuery query);

    /** 概览数据: members, sales, stored value, coupons and points per day or month, and over the range. */
    OverviewReport overview(ReportQuery query);

    /** 积分数据: points issued, spent, released, put back, expired, taken back and adjusted per period; a store: what moved there. */
    PointsReport points(ReportQuery query);

    /** 优惠券统计: coupons claimed, redeemed (and their discount) and returned per period. */
    CouponReport coupons(ReportQuery query);

    /** 充值明细, newest first; filters: days, store or format, method, order no. */
    Page<RechargeRecord> rechargeRecords(ReportQuery query);
}
