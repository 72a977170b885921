package io.tessera.platform.api.audit;

import java.util.List;

/**
 * The audit trail: who (from the current caller), which store, what, when, before and after.
 * {@link #record} joins the caller's transaction, so the trail and the write commit together.
 */
public interface AuditService {

    /** {@code before}/{@code after} are DTOs (serialised as JSON) or null. */
    void record(String action, String entityType, String entityId, Long storeId, Object before, Object after);

    /**
     * Legal erasure (a member's card return): replaces the before/after snapshots of the entity's
     * earlier entries with a redaction marker, keeping who did what and when.
     */
    int redact(String entityType, String entityId);

    List<AuditEntry> recent(String entityType, String entityId, int limit);
}
