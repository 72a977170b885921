package io.tessera.wallets.api;

import io.tessera.platform.api.Money;
import java.time.LocalDate;

/**
 * The events the wallets domain publishes (platform outbox), one per journal row, in the transaction
 * that wrote it: topic {@code "wallets." + type in lower case} (e.g. "wallets.recharge",
 * "wallets.consume", "wallets.migration_in"), aggregate {@code "member:<id>"}, payload {@link Movement}.
 * Consumers may read the payload into a class of their own.
 */
public final class WalletEvents {

    public static final String PREFIX = "wallets.";
    public static final String ALL = "wallets.*";

    private WalletEvents() {
    }

    public static String topic(EntryType type) {
        return PREFIX + type.name().toLowerCase();
    }

    public static String aggregate(long memberId) {
        return "member:" + memberId;
    }

    /** The payload: the journal row as written. */
    public static class Movement {
        public long entryId;
        public long accountId;
        public long memberId;
        public long storeId;
        public EntryType type;
        public Money principalDelta;
        public Money bonusDelta;
        public Money principalAfter;
        public Money bonusAfter;
        public String reference;
        public LocalDate businessDate;
    }
}
