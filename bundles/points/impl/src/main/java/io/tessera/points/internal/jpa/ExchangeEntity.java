package io.tessera.points.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** Points exchanged for a coupon of the points mall. */
@Entity
@Table(name = "PTS_EXCHANGE",
        uniqueConstraints = @UniqueConstraint(name = "PTS_EXCHANGE_NO", columnNames = {"EXCHANGE_NO"}),
        indexes = @Index(name = "PTS_EXCHANGE_MEMBER", columnList = "MEMBER_ID, ID"))
public class ExchangeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "EXCHANGE_NO", length = 24, nullable = false)
    public String exchangeNo;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    @Column(name = "ACCOUNT_ID", nullable = false)
    public long accountId;

    @Column(name = "TEMPLATE_ID", nullable = false)
    public long templateId;

    @Column(name = "POINTS", nullable = false)
    public long points;

    @Column(name = "COUPON_NO", length = 20, nullable = false)
    public String couponNo;

    @Column(name = "STORE_ID")
    public Long storeId;

    @Column(name = "JOURNAL_ID", nullable = false)
    public long journalId;

    @Column(name = "OPERATOR", length = 100, nullable = false)
    public String operator;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;
}
