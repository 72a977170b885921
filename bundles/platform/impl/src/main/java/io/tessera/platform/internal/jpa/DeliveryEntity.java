package io.tessera.platform.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * One event for one subscribed consumer: PENDING until the consumer's transaction marks it DONE, FAILED
 * after the last attempt (retried by hand). The aggregate is copied here so that the dispatcher can hold
 * back a delivery while an earlier one of the same consumer and aggregate is not done. The dispatcher's queries
 * start with STATUS (the DONE rows, most of the table, are never scanned), except the one for deliveries waiting
 * for a retry, which reads the NEXT_AT index from now on (only they have a NEXT_AT ahead). On Derby only, the
 * changelog adds {@code PLT_DELIVERY_NEWEST} (ID descending) for the list newest first, which Derby would otherwise
 * sort whole for each page (PostgreSQL reads the primary key backwards).
 */
@Entity
@Cacheable(false)
@Table(name = "PLT_EVENT_DELIVERY",
        uniqueConstraints = @UniqueConstraint(name = "PLT_DELIVERY_ONCE", columnNames = {"EVENT_ID", "CONSUMER"}),
        indexes = {@Index(name = "PLT_DELIVERY_RETRY", columnList = "NEXT_AT"),
            @Index(name = "PLT_DELIVERY_NEXT", columnList = "STATUS, EVENT_ID")})
public class DeliveryEntity {

    public enum Status { PENDING, DONE, FAILED }

    /**
     * The NEXT_AT of a delivery due at once (new, or sent again by hand): a fixed time long past, not the time of
     * writing. So a delivery waits for a time only after a failed attempt, and the dispatcher's query for deliveries
     * waiting for their retry ({@code NEXT_AT > now}) never reaches the rows of transactions still in flight: on Derby
     * a read-committed reader waits for each such row's commit (most of the dispatcher's time under load when new
     * deliveries carried their creation time). It also keeps a new delivery due at once whatever the clock of the node
     * that wrote it.
     */
    public static final LocalDateTime DUE_AT_ONCE = LocalDateTime.of(2000, 1, 1, 0, 0);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "EVENT_ID", nullable = false)
    public long eventId;

    @Column(name = "CONSUMER", length = 100, nullable = false)
    public String consumer;

    @Column(name = "TOPIC", length = 100, nullable = false)
    public String topic;

    @Column(name = "AGGREGATE", length = 100, nullable = false)
    public String aggregate;

    @Column(name = "STATUS", length = 10, nullable = false)
    public String status;

    @Column(name = "ATTEMPTS", nullable = false)
    public int attempts;

    @Column(name = "NEXT_AT", nullable = false)
    public LocalDateTime nextAt;

    @Column(name = "LAST_ERROR", length = 500)
    public String lastError;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "DONE_AT")
    public LocalDateTime doneAt;
}
