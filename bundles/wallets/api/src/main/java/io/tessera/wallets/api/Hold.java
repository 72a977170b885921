package io.tessera.wallets.api;

import io.tessera.platform.api.Money;
import java.time.OffsetDateTime;

/** Stored value set aside for an order (like a card pre-authorisation): it lowers the available balance, moves no money. */
public class Hold {
    public enum Status { HELD, CAPTURED, RELEASED, EXPIRED }

    public Long id;
    public Long accountId;
    public Long memberId;
    public Long storeId;
    public Money amount;
    /** What a capture debited (CAPTURED only). */
    public Money captured;
    public String reference;
    public Status status;
    /** The CONSUME journal row of the capture. */
    public Long captureEntryId;
    public OffsetDateTime createdAt;
    public OffsetDateTime expiresAt;
    public OffsetDateTime closedAt;
}
