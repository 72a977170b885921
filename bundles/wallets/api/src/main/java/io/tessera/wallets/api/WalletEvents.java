package io.tessera.wallets.api;

/**
 * The events the wallets domain publishes (platform outbox), one per journal row, in the transaction
 * that wrote it: topic {@code "wallets." + type in lower case} (e.g. "wallets.recharge",
 * "wallets.consume", "wallets.migration_in"), aggregate {@code "member:<id>"}, payload the row as the
 * journal answers it ({@link JournalEntry}).
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
}
