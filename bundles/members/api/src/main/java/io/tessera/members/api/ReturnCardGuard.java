package io.tessera.members.api;

import java.util.Optional;

/**
 * SPI for domains that hold something of a member's (stored value, points): registered as an OSGi
 * service, asked before a card return, inside the return's transaction.
 */
public interface ReturnCardGuard {

    /** Empty to allow; otherwise a short reason shown to the operator, e.g. "stored value 12.30 remains". */
    Optional<String> refusal(long memberId);
}
