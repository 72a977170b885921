package io.tessera.platform.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A text message as the default sender keeps it. */
@Entity
@Table(name = "PLT_OUTBOX", indexes = @Index(name = "PLT_OUTBOX_PHONE", columnList = "PHONE"))
public class OutboxEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "PLT_OUTBOX_SEQ")
    @TableGenerator(name = "PLT_OUTBOX_SEQ", table = "PLT_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", allocationSize = 20)
    @Column(name = "ID")
    public long id;

    @Column(name = "PHONE", length = 20, nullable = false)
    public String phone;

    @Column(name = "TEXT", length = 500, nullable = false)
    public String text;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;
}
