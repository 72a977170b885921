package io.tessera.platform.api.audit;

import io.tessera.platform.api.Page;

/**
 * The audit trail searched: who did what, where and when, newest first. Headquarters see every store's entries; a
 * store's operators and clients only their stores' (entries without a store are headquarters' own).
 */
public interface AuditQueries {

    Page<AuditEntry> search(AuditQuery query);
}
