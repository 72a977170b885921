package io.tessera.wallets.api;

/** How money came in (recharge) or goes back (stored-value refund). */
public enum PaymentMethod { WECHAT, ALIPAY, CASH, POS_CARD }
