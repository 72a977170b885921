package io.tessera.wallets.internal.jpa;

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

/** One journal row: inserted once, never updated or deleted. */
@Entity
@Table(name = "WAL_JOURNAL",
        uniqueConstraints = @UniqueConstraint(name = "WAL_JOURNAL_ACCOUNT_SEQ", columnNames = {"ACCOUNT_ID", "ACCOUNT_SEQ"}),
        // Reads by account use the unique (ACCOUNT_ID, ACCOUNT_SEQ) index: no index of ACCOUNT_ID alone.
        indexes = {
        @Index(name = "WAL_JOURNAL_MEMBER", columnList = "MEMBER_ID"),
        @Index(name = "WAL_JOURNAL_STORE_DATE", columnList = "STORE_ID,BUSINESS_DATE"),
        @Index(name = "WAL_JOURNAL_RELATED", columnList = "RELATED_ENTRY_ID"),
        @Index(name = "WAL_JOURNAL_CARD", columnList = "CARD_NO")})
public class JournalEntity {

    /** Identity: a table generator would hand out ids inside the money transactions and serialise them. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "ACCOUNT_ID", nullable = false)
    public long accountId;

    /** 1, 2, 3 ... per account, assigned under the account's row lock: the journal's order, and unique. */
    @Column(name = "ACCOUNT_SEQ", nullable = false)
    public long accountSeq;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    @Column(name = "ENTRY_TYPE", length = 16, nullable = false)
    public String type;

    @Column(name = "PRINCIPAL_DELTA", precision = 19, scale = 2, nullable = false)
    public BigDecimal principalDelta;

    @Column(name = "BONUS_DELTA", precision = 19, scale = 2, nullable = false)
    public BigDecimal bonusDelta;

    @Column(name = "PRINCIPAL_AFTER", precision = 19, scale = 2, nullable = false)
    public BigDecimal principalAfter;

    @Column(name = "BONUS_AFTER", precision = 19, scale = 2, nullable = false)
    public BigDecimal bonusAfter;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "OPERATOR", length = 100, nullable = false)
    public String operator;

    @Column(name = "METHOD", length = 16)
    public String method;

    @Column(name = "REFERENCE", length = 64)
    public String reference;

    @Column(name = "CARD_NO", length = 64)
    public String cardNo;

    @Column(name = "RELATED_ENTRY_ID")
    public Long relatedEntryId;

    @Column(name = "ORIGINAL_AMOUNT", precision = 19, scale = 2)
    public BigDecimal originalAmount;

    @Column(name = "CARD_FEE", precision = 19, scale = 2)
    public BigDecimal cardFee;

    @Column(name = "REMARK", length = 500)
    public String remark;

    @Column(name = "BUSINESS_DATE", nullable = false)
    public LocalDate businessDate;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;
}
