package io.tessera.payments.api.channel;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.PaymentMethod;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a channel says about itself for the console ({@code payment:channels}): its protocol, where it
 * calls, and each configured merchant account with the stores it serves. Never a key or a secret: only
 * whether the account's keys were read.
 */
public class ChannelInfo {
    public PaymentMethod method;
    /** e.g. "WeChat Pay API v3", "Alipay Open Platform (RSA2)". */
    public String protocol;
    public String baseUrl;
    public String notifyUrl;
    public List<Account> accounts;

    @Schema(name = "ChannelAccount")
    public static class Account {
        /** The account's name in the channel's etc/ file. */
        public String name;
        /** The channel's merchant id (mchid, app_id): not a secret. */
        public String merchantId;
        /** Store codes served, or "*" for every store no other account names. */
        public List<String> stores;
        public BigDecimal feeRate;
        /** Its keys were read and the account can sign and verify. */
        public boolean ready;
        /** Why not, when not ready (never a key). */
        public String problem;
    }
}
