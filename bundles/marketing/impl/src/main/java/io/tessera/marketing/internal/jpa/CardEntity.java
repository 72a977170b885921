package io.tessera.marketing.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A member card shown through one channel (one card per channel); FIRST_PUSH_AT locks its name. */
@Entity
@Table(name = "MKT_CARD", uniqueConstraints = @UniqueConstraint(name = "MKT_CARD_CHANNEL", columnNames = "CHANNEL"))
public class CardEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "CHANNEL", length = 30, nullable = false)
    public String channel;

    @Column(name = "NAME", length = 30, nullable = false)
    public String name;

    @Column(name = "FIRST_PUSH_AT")
    public LocalDateTime firstPushAt;

    @Column(name = "VERSION", nullable = false)
    public int version;

    @Column(name = "CREATED_BY", length = 100, nullable = false)
    public String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;
}
