package io.tessera.points.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** Points earned together. REMAINING is the sum of its moves; spent first when it expires first. */
@Entity
@Table(name = "PTS_LOT",
        indexes = {@Index(name = "PTS_LOT_SPENDABLE", columnList = "ACCOUNT_ID, STATUS, EXPIRES_AT"), @Index(name = "PTS_LOT_DUE", columnList = "STATUS, EXPIRES_AT"), @Index(name = "PTS_LOT_PENDING", columnList = "STATUS, AVAILABLE_FROM"), @Index(name = "PTS_LOT_SOURCE", columnList = "SOURCE, SOURCE_REF")})
public class LotEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "ACCOUNT_ID", nullable = false)
    public long accountId;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    @Column(name = "SOURCE", length = 12, nullable = false)
    public String source;

    @Column(name = "SOURCE_REF", length = 80, nullable = false)
    public String sourceRef;

    /** Where the points were earned (0: nowhere in particular). */
    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "EARNED", nullable = false)
    public long earned;

    /** Never below 0, except in the debt lot (never above 0). */
    @Column(name = "REMAINING", nullable = false)
    public long remaining;

    @Column(name = "EXPIRED", nullable = false)
    public long expired;

    /** Of {@code expired}, the points a take-back of the lot's own order counted as gone already. */
    @Column(name = "EXPIRED_TAKEN", nullable = false)
    public long expiredTaken;

    @Column(name = "STATUS", length = 10, nullable = false)
    public String status;

    @Column(name = "EARNED_AT", nullable = false)
    public LocalDateTime earnedAt;

    @Column(name = "AVAILABLE_FROM", nullable = false)
    public LocalDateTime availableFrom;

    /** The first moment the lot is expired; 9999-12-31 when it never expires (indexable, no NULL ordering). */
    @Column(name = "EXPIRES_AT", nullable = false)
    public LocalDateTime expiresAt;
}
