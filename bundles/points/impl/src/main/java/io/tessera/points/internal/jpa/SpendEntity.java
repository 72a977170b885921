package io.tessera.points.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** Points an order used at checkout: spent when the order was made (RESERVED), USED once paid, RELEASED when it closed unpaid. */
@Entity
@Table(name = "PTS_SPEND",
        uniqueConstraints = @UniqueConstraint(name = "PTS_SPEND_ORDER", columnNames = {"ORDER_NO"}),
        indexes = @Index(name = "PTS_SPEND_ACCOUNT", columnList = "ACCOUNT_ID"))
public class SpendEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "ORDER_NO", length = 32, nullable = false)
    public String orderNo;

    @Column(name = "ACCOUNT_ID", nullable = false)
    public long accountId;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "POINTS", nullable = false)
    public long points;

    /** What the points took off the order. */
    @Column(name = "AMOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal amount;

    @Column(name = "STATE", length = 10, nullable = false)
    public String state;

    /** Points refunds gave back so far. */
    @Column(name = "PUT_BACK", nullable = false)
    public long putBack;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "DONE_AT")
    public LocalDateTime doneAt;
}
