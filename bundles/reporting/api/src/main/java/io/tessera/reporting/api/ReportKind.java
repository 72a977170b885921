package io.tessera.reporting.api;

/**
 * The reports an export can write: 概览 (OVERVIEW), 支付方式报表, 充值数据 (summary), 充值明细 (every record), 储值数据, 积分数据
 * (POINTS), 优惠券统计 (COUPONS), the coupons' 领取记录 and 核销记录 (COUPON_CLAIMS, COUPON_REDEMPTIONS: every record from
 * the coupons domain, names joined), 操作记录 (OPERATIONS: the audit trail, at most 366 days).
 */
public enum ReportKind { OVERVIEW, PAYMENT_METHODS, RECHARGES, RECHARGE_RECORDS, STORED_VALUE, POINTS, COUPONS, COUPON_CLAIMS, COUPON_REDEMPTIONS, OPERATIONS }
