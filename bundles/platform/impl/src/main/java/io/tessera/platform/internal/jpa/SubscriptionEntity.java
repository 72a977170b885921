package io.tessera.platform.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A consumer's durable subscription: events of its topics get a delivery for it, installed or not. */
@Entity
@Cacheable(false)
@Table(name = "PLT_EVENT_SUBSCRIPTION")
public class SubscriptionEntity {

    @Id
    @Column(name = "CONSUMER", length = 100)
    public String consumer;

    /** Comma-separated topics or prefixes ending in ".*". */
    @Column(name = "TOPICS", length = 1000, nullable = false)
    public String topics;

    @Column(name = "SINCE", nullable = false)
    public LocalDateTime since;
}
