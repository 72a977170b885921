package io.tessera.platform.api;

/**
 * How money is paid (a tender at checkout) or paid back: member stored value, WeChat Pay, Alipay,
 * cash, or a bank card on the POS terminal. Shared by the domains that move money (wallets: how a
 * recharge was paid and a stored-value refund paid back, where MEMBER is refused; payments: tenders).
 */
public enum PaymentMethod { MEMBER, WECHAT, ALIPAY, CASH, POS_CARD }
