package io.tessera.marketing.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A send of a COUPON_SEND activity's rewards to a segment (SEGMENT_* its arguments), now or at RUN_AT, walked by a job. */
@Entity
@Table(name = "MKT_SEND",
        uniqueConstraints = @UniqueConstraint(name = "MKT_SEND_KEY", columnNames = {"KEY_HASH"}),
        indexes = {@Index(name = "MKT_SEND_DUE", columnList = "STATE, RUN_AT"), @Index(name = "MKT_SEND_ACTIVITY", columnList = "ACTIVITY_ID")})
public class SendEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "ACTIVITY_ID", nullable = false)
    public long activityId;

    @Column(name = "SEGMENT_KIND", length = 12, nullable = false)
    public String segmentKind;

    @Column(name = "LEVEL_ID")
    public Long levelId;

    @Column(name = "STORE_ID")
    public Long storeId;

    @Column(name = "FROM_DAY")
    public LocalDate fromDay;

    @Column(name = "TO_DAY")
    public LocalDate toDay;

    @Column(name = "FROM_MONTH")
    public Integer fromMonth;

    @Column(name = "TO_MONTH")
    public Integer toMonth;

    @Column(name = "MIN_SPEND", precision = 19, scale = 2)
    public BigDecimal minSpend;

    @Column(name = "RUN_AT", nullable = false)
    public LocalDateTime runAt;

    @Column(name = "STATE", length = 10, nullable = false)
    public String state;

    @Column(name = "JOB_ID")
    public Long jobId;

    @Column(name = "REACHED", nullable = false)
    public long reached;

    @Column(name = "REWARDED", nullable = false)
    public long rewarded;

    @Column(name = "SKIPPED", nullable = false)
    public long skipped;

    @Column(name = "MESSAGE", length = 500)
    public String message;

    @Column(name = "KEY_HASH", length = 64, nullable = false)
    public String keyHash;

    @Column(name = "CREATED_BY", length = 100, nullable = false)
    public String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "FINISHED_AT")
    public LocalDateTime finishedAt;
}
