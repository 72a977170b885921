package io.tessera.reporting.internal;

import io.tessera.platform.api.PaymentMethod;

/** How exports name methods and journal row types for the back office (zh-CN, as the screens do). */
final class Labels {

    private Labels() {
    }

    static String method(PaymentMethod m) {
        return switch (m) {
            case WECHAT -> "微信";
            case ALIPAY -> "支付宝";
            case POS_CARD -> "POS";
            case MEMBER -> "会员";
            case CASH -> "现金";
        };
    }

    static String entry(String type) {
        return switch (type) {
            case "RECHARGE" -> "充值";
            case "REVERSAL" -> "撤销";
            default -> type;
        };
    }
}
