package io.tessera.wallets.api;

import io.tessera.platform.api.Money;
import java.time.Duration;

/** A hold asked of {@link WalletParticipant#hold}. */
public class HoldRequest {
    public Long memberId;
    public Long storeId;
    public Money amount;
    /** The order it is held for. */
    public String reference;
    /** How long until it expires by itself; null = the configured default (etc/io.tessera.wallets.cfg, hold.minutes). */
    public Duration expiresIn;
}
