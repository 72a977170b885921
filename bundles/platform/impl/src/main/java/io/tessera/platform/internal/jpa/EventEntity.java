package io.tessera.platform.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * An event of the outbox, written in the transaction of the change it reports; never updated. The id is
 * an identity column (a table generator would hold its sequence row until the money transaction commits).
 */
@Entity
@Cacheable(false)
@Table(name = "PLT_EVENT")
public class EventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "TOPIC", length = 100, nullable = false)
    public String topic;

    @Column(name = "AGGREGATE", length = 100, nullable = false)
    public String aggregate;

    /**
     * The payload as JSON, at most {@link #MAX_PAYLOAD} characters: a plain VARCHAR, not a LOB (Derby reads and
     * writes LOBs through locators, which cost a payment more than the rest of its event).
     */
    @Column(name = "PAYLOAD", length = MAX_PAYLOAD, nullable = false)
    public String payload;

    public static final int MAX_PAYLOAD = 32_000;

    /** Who caused it (Caller.label()). */
    @Column(name = "ORIGIN", length = 100)
    public String origin;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;
}
