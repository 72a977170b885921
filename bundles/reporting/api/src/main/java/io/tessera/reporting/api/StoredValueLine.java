package io.tessera.reporting.api;

import io.tessera.platform.api.Money;

/**
 * Stored value moved by one kind of journal row (RECHARGE, REVERSAL, CONSUME 消费, REFUND 退款, SV_REFUND 退卡退款,
 * MIGRATION_IN, ADJUSTMENT), or in one period, or net: how many rows, and the principal and bonus they moved (out
 * negative); amount = principal + bonus.
 */
public class StoredValueLine {
    /** A type line: the journal row type; absent elsewhere. */
    public String type;
    /** A period line: the day (yyyy-MM-dd) or month (yyyy-MM); absent elsewhere. */
    public String period;
    public long entries;
    public Money principal;
    public Money bonus;
    public Money amount;
}
