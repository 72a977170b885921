package io.tessera.platform.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** One audited write. Rows are only ever inserted. */
@Entity
@Table(name = "PLT_AUDIT", indexes = @Index(name = "PLT_AUDIT_ENTITY", columnList = "ENTITY_TYPE,ENTITY_ID"))
public class AuditEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "PLT_AUDIT_SEQ")
    @TableGenerator(name = "PLT_AUDIT_SEQ", table = "PLT_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", allocationSize = 50)
    @Column(name = "ID")
    public long id;

    @Column(name = "ACTOR", length = 100, nullable = false)
    public String actor;

    @Column(name = "STORE_ID")
    public Long storeId;

    @Column(name = "ACTION_NAME", length = 64, nullable = false)
    public String action;

    @Column(name = "ENTITY_TYPE", length = 32, nullable = false)
    public String entityType;

    @Column(name = "ENTITY_ID", length = 64, nullable = false)
    public String entityId;

    @Lob
    @Column(name = "BEFORE_JSON")
    public String before;

    @Lob
    @Column(name = "AFTER_JSON")
    public String after;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime at;
}
