package io.tessera.reporting.api;

import io.tessera.platform.api.jobs.Job;

/** What the read model holds, and the last rebuild's job (absent: never rebuilt). */
public class ReadModelStatus {
    /** Sale and recharge orders paid, and refunds. */
    public long payments;
    public long refunds;
    /** Stored-value journal rows. */
    public long walletEntries;
    /** Registrations, coupons issued, redeemed and returned, and points journal rows counted. */
    public long counted;
    public Job lastRebuild;
}
