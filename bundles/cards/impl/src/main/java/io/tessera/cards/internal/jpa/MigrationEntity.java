package io.tessera.cards.internal.jpa;

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
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

/** A card's migration. The unique card no is the database's own guarantee of "exactly once". */
@Entity
@Table(name = "CRD_MIGRATION", uniqueConstraints = @UniqueConstraint(name = "CRD_MIGRATION_CARD", columnNames = "CARD_NO"),
        indexes = @Index(name = "CRD_MIGRATION_DAY", columnList = "BUSINESS_DATE, STORE_ID"))
public class MigrationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "CRD_MIGRATION_SEQ")
    @TableGenerator(name = "CRD_MIGRATION_SEQ", table = "CRD_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", allocationSize = 20)
    @Column(name = "ID")
    public long id;

    @Column(name = "CARD_NO", length = 64, nullable = false)
    public String cardNo;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    @Column(name = "MEMBER_NO", length = 20, nullable = false)
    public String memberNo;

    @Column(name = "MASKED_PHONE", length = 20)
    public String maskedPhone;

    @Column(name = "AMOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal amount;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "ACCOUNT_ID", nullable = false)
    public long accountId;

    @Column(name = "JOURNAL_ENTRY_ID", nullable = false)
    public long journalEntryId;

    /** 500 characters; surrogate pairs take two places in the column. */
    @Column(name = "REMARK", length = 1000)
    public String remark;

    @Column(name = "VOUCHER_COUNT", nullable = false)
    public int voucherCount;

    @Column(name = "OPERATOR_KIND", length = 12, nullable = false)
    public String operatorKind;

    @Column(name = "OPERATOR_ID", nullable = false)
    public long operatorId;

    @Column(name = "OPERATOR_EMPLOYEE_NO", length = 40)
    public String operatorEmployeeNo;

    @Column(name = "OPERATOR_NAME", length = 100)
    public String operatorName;

    @Column(name = "BUSINESS_DATE", nullable = false)
    public LocalDate businessDate;

    @Column(name = "MIGRATED_AT", nullable = false)
    public LocalDateTime migratedAt;
}
