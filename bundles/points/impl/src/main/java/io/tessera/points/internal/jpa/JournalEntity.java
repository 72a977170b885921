package io.tessera.points.internal.jpa;

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

/** A points journal row: inserted, never updated or deleted. */
@Entity
@Table(name = "PTS_JOURNAL",
        uniqueConstraints = @UniqueConstraint(name = "PTS_JOURNAL_SEQ", columnNames = {"ACCOUNT_ID", "ACCOUNT_SEQ"}),
        indexes = {@Index(name = "PTS_JOURNAL_MEMBER", columnList = "MEMBER_ID, ID"), @Index(name = "PTS_JOURNAL_REFERENCE", columnList = "REFERENCE"), @Index(name = "PTS_JOURNAL_DAY", columnList = "BUSINESS_DATE, STORE_ID")})
public class JournalEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "ACCOUNT_ID", nullable = false)
    public long accountId;

    @Column(name = "ACCOUNT_SEQ", nullable = false)
    public long accountSeq;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    @Column(name = "ENTRY_TYPE", length = 10, nullable = false)
    public String type;

    @Column(name = "AVAILABLE_DELTA", nullable = false)
    public long availableDelta;

    @Column(name = "PENDING_DELTA", nullable = false)
    public long pendingDelta;

    @Column(name = "AVAILABLE_AFTER", nullable = false)
    public long availableAfter;

    @Column(name = "PENDING_AFTER", nullable = false)
    public long pendingAfter;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "BUSINESS_DATE", nullable = false)
    public LocalDate businessDate;

    @Column(name = "REFERENCE", length = 80)
    public String reference;

    @Column(name = "OPERATOR", length = 100, nullable = false)
    public String operator;

    @Column(name = "REMARK", length = 500)
    public String remark;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;
}
