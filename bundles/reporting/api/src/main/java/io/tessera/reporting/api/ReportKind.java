package io.tessera.reporting.api;

/** The reports an export can write: 支付方式报表, 充值数据 (summary), 充值明细 (every record), 储值数据. */
public enum ReportKind { PAYMENT_METHODS, RECHARGES, RECHARGE_RECORDS, STORED_VALUE }
