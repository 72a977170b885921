package io.tessera.marketing.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** An order or refund already counted in MKT_MEMBER_SPEND (an event delivered twice counts once). */
@Entity
@Table(name = "MKT_SPEND_SOURCE")
public class SpendSourceEntity {

    @Id
    @Column(name = "SOURCE", length = 60, nullable = false)
    public String source;

    @Column(name = "COUNTED_AT", nullable = false)
    public LocalDateTime countedAt;
}
