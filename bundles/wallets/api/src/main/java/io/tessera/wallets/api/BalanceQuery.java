package io.tessera.wallets.api;

import io.tessera.platform.api.Money;

/** 储值余额查询: every filter optional; balances with at most 2 decimals. */
public class BalanceQuery {
    public Long storeId;
    public String phone;
    public String memberNo;
    public Money minBalance;
    public Money maxBalance;
    public int page = 1;
    public int size = 20;
}
