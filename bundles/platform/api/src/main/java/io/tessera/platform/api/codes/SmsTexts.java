package io.tessera.platform.api.codes;

/**
 * Every SMS Tessera sends, in one catalogue: Simplified Chinese (what members and staff read), with
 * the English text beside it for reference. {@code {code}} and the other {@code {names}} are filled
 * in by the sender of each message.
 */
public enum SmsTexts {

    LOGIN("【Tessera】您的登录验证码是 {code}，10分钟内有效，请勿告诉他人。",
            "[Tessera] Your login code is {code}. Valid 10 minutes; do not share it."),
    CARD_MIGRATION("【Tessera】您的验证码是 {code}，用于将实体卡 ****{card}（余额 {balance} 元）迁入您的会员储值，10分钟内有效，请勿告诉他人。",
            "[Tessera] Your code {code} confirms moving legacy card ****{card} (balance {balance} CNY) into your stored value. "
                    + "Valid 10 minutes; do not share it.");

    private final String zhCn;
    private final String en;

    SmsTexts(String zhCn, String en) {
        this.zhCn = zhCn;
        this.en = en;
    }

    /** The text sent (zh-CN), with the given {@code {name}} placeholders filled in; {@code {code}} stays. */
    public String text(String... nameValuePairs) {
        return fill(zhCn, nameValuePairs);
    }

    public String english(String... nameValuePairs) {
        return fill(en, nameValuePairs);
    }

    private static String fill(String template, String... nameValuePairs) {
        String t = template;
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            t = t.replace("{" + nameValuePairs[i] + "}", nameValuePairs[i + 1]);
        }
        return t;
    }
}
