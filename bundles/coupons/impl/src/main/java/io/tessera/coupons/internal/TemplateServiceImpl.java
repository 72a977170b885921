package io.tessera.coupons.internal;

import io.tessera.coupons.api.CouponErrors;
import io.tessera.coupons.api.CouponTemplate;
import io.tessera.coupons.api.CouponTemplateService;
import io.tessera.coupons.api.Requests;
import io.tessera.coupons.api.TemplateQuery;
import io.tessera.coupons.api.TemplateStatus;
import io.tessera.coupons.internal.jpa.TemplateEntity;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Like;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PagedQuery;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.audit.AuditEntry;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.jobs.JobService;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Templates: headquarters (HQ_ADMIN) make them for the chain or for a store; a store manager for their own
 * store. Everyone reads headquarters' templates and their own stores'. Every change is audited in its
 * transaction ("coupon-template", before and after).
 */
@Component(service = CouponTemplateService.class)
public class TemplateServiceImpl implements CouponTemplateService {

    private static final String AUDITED = "coupon-template";

    private final JpaTemplate jpa;
    private final AuditService audit;
    private final OrgService org;
    private final JobService jobs;
    private final CouponVoids voider;

    @Activate
    public TemplateServiceImpl(@Reference(target = "(osgi.unit.name=tessera-coupons)") JpaTemplate jpa, @Reference AuditService audit,
                               @Reference OrgService org, @Reference JobService jobs, @Reference EventPublisher events) {
        this.jpa = jpa;
        this.audit = audit;
        this.org = org;
        this.jobs = jobs;
        this.voider = new CouponVoids(jpa, events);
    }

    @Override
    public CouponTemplate create(Requests.TemplateRequest r) {
        Caller caller = CallerContext.current();
        caller.requireAnyRole(Role.HQ_ADMIN, Role.STORE_MANAGER);
        TemplateEntity e = new TemplateEntity();
        TemplateForm.Lists lists = TemplateForm.apply(r, e);
        e.ownerStoreId = owner(caller, r.ownerStoreId);
        if (e.ownerStoreId != null && (!lists.storeIds().isEmpty() || !lists.formatCodes().isEmpty())) {
            throw CouponErrors.COUPON_TEMPLATE_INVALID.at("storeIds", "a store's own template applies in that store only: list no stores");
        }
        LocalDateTime now = BusinessTime.now();
        e.status = TemplateStatus.DRAFT.name();
        e.issued = 0;
        e.createdBy = caller.label();
        e.createdAt = now;
        e.updatedAt = now;
        return jpa.txExpr(TransactionType.Required, em -> {
            em.persist(e);
            em.flush();
            Templates.saveLists(em, e.id, lists);
            CouponTemplate after = Templates.dto(Templates.load(em, e));
            audit.record("coupon-template.create", AUDITED, String.valueOf(e.id), e.ownerStoreId, null, after);
            return after;
        });
    }

    @Override
    public CouponTemplate update(long id, Requests.TemplateRequest r) {
        Caller caller = CallerContext.current();
        caller.requireAnyRole(Role.HQ_ADMIN, Role.STORE_MANAGER);
        return jpa.txExpr(TransactionType.Required, em -> {
            TemplateEntity e = writable(em, caller, id);
            CouponTemplate before = Templates.dto(Templates.load(em, e));
            TemplateEntity was = copyMoney(e);
            TemplateForm.Lists lists = TemplateForm.apply(r, e);
            if (r.ownerStoreId != null && !r.ownerStoreId.equals(e.ownerStoreId)) {
                throw CouponErrors.COUPON_TEMPLATE_INVALID.at("ownerStoreId", "a template's owner does not change");
            }
            if (e.ownerStoreId != null && (!lists.storeIds().isEmpty() || !lists.formatCodes().isEmpty())) {
                throw CouponErrors.COUPON_TEMPLATE_INVALID.at("storeIds", "a store's own template applies in that store only: list no stores");
            }
            String changed = TemplateForm.moneyChange(was, e);
            if (changed != null && !TemplateStatus.DRAFT.name().equals(e.status)) {
                throw CouponErrors.COUPON_TEMPLATE_LOCKED.at(changed, "template " + id + " is " + e.status
                        + ": what its coupons take off cannot change (make a new template)");
            }
            e.updatedAt = BusinessTime.now();
            Templates.saveLists(em, e.id, lists);
            CouponTemplate after = Templates.dto(Templates.load(em, e));
            audit.record("coupon-template.update", AUDITED, String.valueOf(id), e.ownerStoreId, before, after);
            return after;
        });
    }

    @Override
    public CouponTemplate get(long id) {
        Caller caller = CallerContext.current();
        return jpa.txExpr(TransactionType.Supports, em -> Templates.dto(Templates.load(em, visible(em, caller, id))));
    }

    @Override
    public Page<CouponTemplate> list(TemplateQuery q) {
        Caller caller = CallerContext.current();
        Page.check(q.page, q.size);
        Store store = q.storeId == null ? null : org.actingStore(q.storeId);
        return jpa.txExpr(TransactionType.Supports, em -> {
            PagedQuery query = PagedQuery.of("TemplateEntity", "t")
                    .filter(q.name == null || q.name.isBlank() ? null : Like.prefix(q.name.trim()), "t.name LIKE :name" + Like.ESCAPE, "name")
                    .filter(q.kind == null ? null : q.kind.name(), "t.kind = :kind", "kind")
                    .filter(q.status == null ? null : q.status.name(), "t.status = :status", "status");
            if (q.pointsExchangeable != null) {
                // Not "t.pointsExchangeable = :points": Derby refuses to compare its BOOLEAN column with the bound value
                // (EclipseLink binds an integer). A template is in the points mall exactly when it has a points price.
                query.where(q.pointsExchangeable ? "t.pointsPrice IS NOT NULL" : "t.pointsPrice IS NULL");
            }
            if (!caller.seesAllStores()) {
                query.where("(t.ownerStoreId IS NULL OR t.ownerStoreId IN :mine)", "mine", new ArrayList<>(mine(caller)));
            }
            if (store != null) {
                query.where("(t.ownerStoreId = :store OR t.ownerStoreId IS NULL AND (t.storeScope = 'ALL'"
                        + " OR EXISTS (SELECT s FROM ScopeEntity s WHERE s.templateId = t.id AND s.type = 'STORE' AND s.value = :storeText)"
                        + " OR EXISTS (SELECT f FROM ScopeEntity f WHERE f.templateId = t.id AND f.type = 'FORMAT' AND f.value = :format)))",
                        "store", store.id, "storeText", String.valueOf(store.id), "format", store.formatCode == null ? "" : store.formatCode);
            }
            Page<TemplateEntity> page = query.page(em, TemplateEntity.class, "t.id DESC", q.page, q.size);
            return new Page<>(Templates.loadAll(em, page.getItems()).stream().map(Templates::dto).toList(), page.getPage(), page.getSize(),
                    page.getTotal());
        });
    }

    @Override
    public CouponTemplate activate(long id) {
        return move(id, "activate", Set.of(TemplateStatus.DRAFT, TemplateStatus.STOPPED), TemplateStatus.ACTIVE);
    }

    @Override
    public CouponTemplate stop(long id) {
        return move(id, "stop", Set.of(TemplateStatus.ACTIVE), TemplateStatus.STOPPED);
    }

    @Override
    public Job voidCoupons(long id, String reason) {
        Caller caller = CallerContext.current();
        caller.requireAnyRole(Role.HQ_ADMIN, Role.STORE_MANAGER);
        String why = Checks.text("reason", reason, 300);
        jpa.tx(TransactionType.Required, em -> {
            TemplateEntity t = writable(em, caller, id);
            if (TemplateStatus.ACTIVE.name().equals(t.status)) {
                throw CouponErrors.COUPON_TEMPLATE_STATE_INVALID.error("template " + id + " is ACTIVE: stop it before voiding its coupons");
            }
            audit.record("coupon-template.void-coupons", AUDITED, String.valueOf(id), t.ownerStoreId, null, Map.of("reason", why));
        });
        return jobs.submit("coupons.void", "Void the available coupons of template " + id, String.valueOf(id),
                progress -> voider.voidAvailable(id, why, caller.label(), progress));
    }

    @Override
    public List<AuditEntry> audit(long id) {
        Caller caller = CallerContext.current();
        jpa.txExpr(TransactionType.Supports, em -> visible(em, caller, id));
        return audit.recent(AUDITED, String.valueOf(id), 200);
    }

    private CouponTemplate move(long id, String action, Set<TemplateStatus> from, TemplateStatus to) {
        Caller caller = CallerContext.current();
        caller.requireAnyRole(Role.HQ_ADMIN, Role.STORE_MANAGER);
        return jpa.txExpr(TransactionType.Required, em -> {
            TemplateEntity e = writable(em, caller, id);
            TemplateStatus now = TemplateStatus.valueOf(e.status);
            if (now == to) {
                return Templates.dto(Templates.load(em, e));
            }
            if (!from.contains(now)) {
                throw CouponErrors.COUPON_TEMPLATE_STATE_INVALID.error("template " + id + " is " + now + ": it cannot " + action);
            }
            if (to == TemplateStatus.ACTIVE && e.validTo != null && e.validTo.isBefore(BusinessTime.today())) {
                throw CouponErrors.COUPON_TEMPLATE_STATE_INVALID.at("validTo", "template " + id + " was valid until " + e.validTo);
            }
            CouponTemplate before = Templates.dto(Templates.load(em, e));
            e.status = to.name();
            e.updatedAt = BusinessTime.now();
            CouponTemplate after = Templates.dto(Templates.load(em, e));
            audit.record("coupon-template." + action, AUDITED, String.valueOf(id), e.ownerStoreId, before, after);
            return after;
        });
    }

    /** The template locked for a change by this caller: headquarters any; a store manager their store's own (others: 404). */
    private static TemplateEntity writable(EntityManager em, Caller caller, long id) {
        TemplateEntity e = visible(em, caller, id);
        em.lock(e, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(e);
        if (!caller.seesAllStores() && e.ownerStoreId == null) {
            throw io.tessera.platform.api.TesseraException.forbidden("headquarters' templates are changed by headquarters");
        }
        return e;
    }

    private static TemplateEntity visible(EntityManager em, Caller caller, long id) {
        TemplateEntity e = Templates.row(em, id);
        if (e.ownerStoreId != null && !caller.canAccessStore(e.ownerStoreId)) {
            throw CouponErrors.COUPON_TEMPLATE_NOT_FOUND.at("templateId", "no coupon template " + id);
        }
        return e;
    }

    private Long owner(Caller caller, Long requested) {
        if (caller.seesAllStores()) {
            return requested == null ? null : org.actingStore(requested).id;
        }
        return org.actingStore(requested).id; // a store manager's template is their store's (the one named, or their only store)
    }

    private static Set<Long> mine(Caller caller) {
        return caller.getStoreIds().isEmpty() ? Set.of(-1L) : caller.getStoreIds();
    }

    private static TemplateEntity copyMoney(TemplateEntity e) {
        TemplateEntity c = new TemplateEntity();
        c.kind = e.kind;
        c.value = e.value;
        c.singleMode = e.singleMode;
        c.rate = e.rate;
        c.cap = e.cap;
        c.minSpend = e.minSpend;
        c.maxUnits = e.maxUnits;
        return c;
    }
}
