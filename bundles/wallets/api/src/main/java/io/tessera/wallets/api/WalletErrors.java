package io.tessera.wallets.api;

import io.tessera.platform.api.ErrorCode;

/** The wallets domain's error catalogue: accounts, recharges, payments, refunds, packages, holds. */
public enum WalletErrors implements ErrorCode {
    WALLET_INSUFFICIENT_BALANCE(422),
    WALLET_NOT_OPEN(422),
    WALLET_EMPTY(422),
    WALLET_HELD(422),
    WALLETS_NOT_CONFIGURED(503),
    ADJUSTMENT_EMPTY(400),
    PAYMENT_METHOD_NOT_ALLOWED(400),
    PACKAGE_NOT_FOUND(404),
    PACKAGE_NOT_VALID(422),
    PACKAGE_AMOUNT_MISMATCH(422),
    RECHARGE_NOT_FOUND(404),
    RECHARGE_BELOW_MINIMUM(422),
    RECHARGE_ABOVE_MAXIMUM(422),
    RECHARGE_ALREADY_SPENT(422),
    RECHARGE_ALREADY_REVERSED(409),
    PAYMENT_NOT_FOUND(404),
    REFUND_EXCEEDS_PAYMENT(422),
    HOLD_NOT_FOUND(404),
    HOLD_NOT_HELD(409),
    HOLD_EXPIRED(409),
    HOLD_CAPTURED(409),
    CAPTURE_EXCEEDS_HOLD(422);

    private final int status;

    WalletErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
