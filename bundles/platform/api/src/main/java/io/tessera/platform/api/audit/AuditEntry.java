package io.tessera.platform.api.audit;

import java.time.Instant;

public class AuditEntry {
    private long id;
    private String actor;
    private Long storeId;
    private String action;
    private String entityType;
    private String entityId;
    private String before;
    private String after;
    private Instant at;

    public AuditEntry() {
    }

    public AuditEntry(long id, String actor, Long storeId, String action, String entityType, String entityId,
                      String before, String after, Instant at) {
        this.id = id;
        this.actor = actor;
        this.storeId = storeId;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.before = before;
        this.after = after;
        this.at = at;
    }

    public long getId() { return id; }
    public String getActor() { return actor; }
    public Long getStoreId() { return storeId; }
    public String getAction() { return action; }
    public String getEntityType() { return entityType; }
    public String getEntityId() { return entityId; }
    public String getBefore() { return before; }
    public String getAfter() { return after; }
    public Instant getAt() { return at; }
}
