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
            case "CONSUME" -> "消费";
            case "REFUND" -> "退款";
            case "SV_REFUND" -> "退卡退款";
            case "MIGRATION_IN" -> "实体卡迁移";
            case "ADJUSTMENT" -> "调整";
            default -> type;
        };
    }
}
