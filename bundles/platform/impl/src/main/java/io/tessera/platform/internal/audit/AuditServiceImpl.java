package io.tessera.platform.internal.audit;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.audit.AuditEntry;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Like;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PagedQuery;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.audit.AuditQueries;
import io.tessera.platform.api.audit.AuditQuery;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.platform.internal.jpa.AuditEntity;
import io.tessera.platform.internal.web.Json;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = {AuditService.class, AuditQueries.class})
public class AuditServiceImpl implements AuditService, AuditQueries {

    /** The longest range a search covers, in days. */
    static final long MAX_DAYS = 366;

    private static final String REDACTED = "{\"redacted\":true}";

    private final JpaTemplate jpa;

    @Activate
    public AuditServiceImpl(@Reference(target = "(osgi.unit.name=tessera-platform)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public void record(String action, String entityType, String entityId, Long storeId, Object before, Object after) {
        Caller caller = CallerContext.current();
        AuditEntity e = new AuditEntity();
        e.actor = caller.label();
        e.storeId = storeId;
        e.action = action;
        e.entityType = entityType;
        e.entityId = entityId;
        e.before = before == null ? null : Json.write(before);
        e.after = after == null ? null : Json.write(after);
        e.at = BusinessTime.now();
        jpa.tx(TransactionType.Required, em -> em.persist(e));
    }

    @Override
    public Page<AuditEntry> search(AuditQuery query) {
        AuditQuery q = Checks.required("query", query);
        Checks.required("from", q.from);
        Checks.required("to", q.to);
        if (q.from.isAfter(q.to) || q.from.plusDays(MAX_DAYS - 1).isBefore(q.to)) {
            throw PlatformErrors.DATE_RANGE_INVALID.at("to", "from the first day, at most " + MAX_DAYS + " days");
        }
        int page = q.page == null ? 1 : q.page;
        int size = q.size == null ? 20 : q.size;
        Page.check(page, size);
        Caller caller = CallerContext.current();
        PagedQuery select = PagedQuery.of("AuditEntity", "a").where("a.at >= :from AND a.at < :to", "from", q.from.atStartOfDay(), "to",
                q.to.plusDays(1).atStartOfDay());
        if (q.storeId != null) {
            caller.requireStore(q.storeId);
            select.where("a.storeId = :store", "store", q.storeId);
        } else if (!caller.seesAllStores()) {
            select.where("a.storeId IN :stores", "stores", caller.getStoreIds().isEmpty() ? List.of(-1L) : List.copyOf(caller.getStoreIds()));
        }
        String action = Checks.optionalText("action", q.action, 64);
        select.filter(Checks.optionalText("actor", q.actor, 100), "a.actor = :actor", "actor")
                .filter(action == null ? null : Like.prefix(action), "a.action LIKE :action" + Like.ESCAPE, "action")
                .filter(Checks.optionalText("entityType", q.entityType, 32), "a.entityType = :type", "type");
        return jpa.txExpr(TransactionType.Supports, em -> select.page(em, AuditEntity.class, "a.at DESC, a.id DESC", page, size)
                .map(a -> new AuditEntry(a.id, a.actor, a.storeId, a.action, a.entityType, a.entityId, a.before, a.after,
                        a.at.atZone(BusinessTime.ZONE).toInstant())));
    }

    @Override
    public int redact(String entityType, String entityId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            int n = 0;
            for (String column : new String[] {"before", "after"}) {
                n += em.createQuery("UPDATE AuditEntity a SET a." + column + " = :r WHERE a.entityType = :t "
                                + "AND a.entityId = :id AND a." + column + " IS NOT NULL")
                        .setParameter("r", REDACTED).setParameter("t", entityType).setParameter("id", entityId)
                        .executeUpdate();
            }
            return n;
        });
    }

    @Override
    public List<AuditEntry> recent(String entityType, String entityId, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT a FROM AuditEntity a WHERE a.entityType = :t AND a.entityId = :id ORDER BY a.id DESC",
                        AuditEntity.class)
                .setParameter("t", entityType).setParameter("id", entityId)
                .setMaxResults(Math.max(1, Math.min(limit, 500))).getResultList().stream()
                .map(a -> new AuditEntry(a.id, a.actor, a.storeId, a.action, a.entityType, a.entityId, a.before, a.after,
                        a.at.atZone(BusinessTime.ZONE).toInstant()))
                .collect(Collectors.toList()));
    }
}
