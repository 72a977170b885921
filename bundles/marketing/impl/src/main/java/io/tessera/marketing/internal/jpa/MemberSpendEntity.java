package io.tessera.marketing.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** What a member paid in sales, less refunds, in a month (yyyymm), counted from the payments' events since marketing was installed. */
@Entity
@Table(name = "MKT_MEMBER_SPEND",
        uniqueConstraints = @UniqueConstraint(name = "MKT_MEMBER_SPEND_ID", columnNames = {"MEMBER_ID", "SPEND_MONTH"}),
        indexes = @Index(name = "MKT_MEMBER_SPEND_MONTH", columnList = "SPEND_MONTH, MEMBER_ID"))
public class MemberSpendEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    @Column(name = "SPEND_MONTH", nullable = false)
    public int month;

    @Column(name = "PAID", precision = 19, scale = 2, nullable = false)
    public BigDecimal paid;
}
