package io.tessera.members.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A member's stored-value activity, kept from the wallets' events (see WalletActivity). */
@Entity
@Table(name = "MBR_ACTIVITY")
public class ActivityEntity {

    @Id
    @Column(name = "MEMBER_ID")
    public long memberId;

    @Column(name = "MOVEMENTS", nullable = false)
    public long movements;

    @Column(name = "STORED_IN", precision = 19, scale = 2, nullable = false)
    public BigDecimal storedIn;

    @Column(name = "STORED_OUT", precision = 19, scale = 2, nullable = false)
    public BigDecimal storedOut;

    /** The last event applied: events of a member arrive in order, an older or repeated one changes nothing. */
    @Column(name = "LAST_EVENT_ID", nullable = false)
    public long lastEventId;

    @Column(name = "LAST_MOVEMENT_AT")
    public LocalDateTime lastMovementAt;
}
