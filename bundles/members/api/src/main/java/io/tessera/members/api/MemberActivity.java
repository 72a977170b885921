package io.tessera.members.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * What a member did with stored value, kept by the members domain from the wallets' events (after
 * commit, so it may lag a moment behind the wallet): movements, stored value in and out, the last one.
 */
public class MemberActivity {
    public long memberId;
    /** Journal rows of the member's wallets (recharges, payments, refunds, migrations...). */
    public long walletMovements;
    /** Stored value that came in (principal and bonus). */
    public Money storedValueIn;
    /** Stored value that went out. */
    public Money storedValueOut;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime lastMovementAt;
}
