package io.tessera.marketing.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A channel's payer and the member they became by paying (支付即会员): one row per payer, never two members. */
@Entity
@Table(name = "MKT_PAYER", uniqueConstraints = @UniqueConstraint(name = "MKT_PAYER_ID", columnNames = {"CHANNEL", "PAYER_ID"}),
        indexes = @Index(name = "MKT_PAYER_MEMBER", columnList = "MEMBER_ID"))
public class PayerEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "CHANNEL", length = 10, nullable = false)
    public String channel;

    @Column(name = "PAYER_ID", length = 128, nullable = false)
    public String payerId;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    @Column(name = "ACTIVITY_ID", nullable = false)
    public long activityId;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "ORDER_NO", length = 64, nullable = false)
    public String orderNo;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;
}
