package io.tessera.points.internal;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberErrors;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PagedQuery;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.audit.AuditEntry;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.points.api.Earning;
import io.tessera.points.api.EarningRule;
import io.tessera.points.api.EarningRuleService;
import io.tessera.points.api.PointsErrors;
import io.tessera.points.api.Requests;
import io.tessera.points.api.RuleKind;
import io.tessera.points.api.RuleStatus;
import io.tessera.points.internal.jpa.RuleEntity;
import io.tessera.points.internal.jpa.RuleEntryEntity;
import io.tessera.points.internal.rules.EarningRules;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Earning rules: headquarters (HQ_ADMIN) make and change them; everyone reads them. A draft changes freely;
 * an active or stopped rule keeps its points arithmetic (kind, rate, fixed points: make a new rule) while its
 * scope, caps, dates and priority may change. Every change is audited ("points-rule") and counts a version.
 */
@Component(service = EarningRuleService.class)
public class RuleServiceImpl implements EarningRuleService {

    private static final String AUDITED = "points-rule";

    private final JpaTemplate jpa;
    private final AuditService audit;
    private final MemberService members;
    private final OrgService org;

    @Activate
    public RuleServiceImpl(@Reference(target = "(osgi.unit.name=tessera-points)") JpaTemplate jpa, @Reference AuditService audit,
                           @Reference MemberService members, @Reference OrgService org) {
        this.jpa = jpa;
        this.audit = audit;
        this.members = members;
        this.org = org;
    }

    @Override
    public EarningRule create(Requests.RuleRequest r) {
        Caller caller = CallerContext.current();
        caller.requireAnyRole(Role.HQ_ADMIN);
        RuleEntity e = new RuleEntity();
        List<RuleEntryEntity> entries = RuleForm.apply(r, e);
        LocalDateTime now = BusinessTime.now();
        e.status = RuleStatus.DRAFT.name();
        e.version = 1;
        e.createdBy = caller.label();
        e.createdAt = now;
        e.updatedAt = now;
        return jpa.txExpr(TransactionType.Required, em -> {
            em.persist(e);
            em.flush();
            Rules.saveEntries(em, e.id, entries);
            EarningRule after = Rules.dto(new Rules.Loaded(e, entries));
            audit.record("points-rule.create", AUDITED, String.valueOf(e.id), null, null, after);
            return after;
        });
    }

    @Override
    public EarningRule update(long id, Requests.RuleRequest r) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        return jpa.txExpr(TransactionType.Required, em -> {
            RuleEntity e = locked(em, id);
            EarningRule before = Rules.dto(new Rules.Loaded(e, Rules.entries(em, id)));
            RuleEntity was = copy(e);
            List<RuleEntryEntity> entries = RuleForm.apply(r, e);
            String changed = RuleForm.pointsChange(was, e);
            if (changed != null && !RuleStatus.DRAFT.name().equals(e.status)) {
                throw PointsErrors.POINTS_RULE_STATE_INVALID.at(changed, "rule " + id + " is " + e.status
                        + ": its points arithmetic cannot change (stop it and make a new rule)");
            }
            e.version++;
            e.updatedAt = BusinessTime.now();
            Rules.saveEntries(em, id, entries);
            EarningRule after = Rules.dto(new Rules.Loaded(e, entries));
            audit.record("points-rule.update", AUDITED, String.valueOf(id), null, before, after);
            return after;
        });
    }

    @Override
    public EarningRule get(long id) {
        return jpa.txExpr(TransactionType.Required, em -> Rules.dto(new Rules.Loaded(find(em, id), Rules.entries(em, id))));
    }

    @Override
    public Page<EarningRule> list(RuleKind kind, RuleStatus status, int page, int size) {
        Page.check(page, size);
        return jpa.txExpr(TransactionType.Required, em -> {
            Page<RuleEntity> p = PagedQuery.of("RuleEntity", "r").filter(kind == null ? null : kind.name(), "r.kind = :kind", "kind")
                    .filter(status == null ? null : status.name(), "r.status = :status", "status")
                    .page(em, RuleEntity.class, "r.id DESC", page, size);
            List<Rules.Loaded> loaded = Rules.withEntries(em, p.getItems());
            return new Page<>(loaded.stream().map(Rules::dto).toList(), p.getPage(), p.getSize(), p.getTotal());
        });
    }

    @Override
    public EarningRule activate(long id) {
        return change(id, RuleStatus.ACTIVE, "points-rule.activate");
    }

    @Override
    public EarningRule stop(long id) {
        return change(id, RuleStatus.STOPPED, "points-rule.stop");
    }

    private EarningRule change(long id, RuleStatus to, String action) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        return jpa.txExpr(TransactionType.Required, em -> {
            RuleEntity e = locked(em, id);
            List<RuleEntryEntity> entries = Rules.entries(em, id);
            EarningRule before = Rules.dto(new Rules.Loaded(e, entries));
            RuleStatus from = RuleStatus.valueOf(e.status);
            if (from == to || to == RuleStatus.STOPPED && from != RuleStatus.ACTIVE) {
                throw PointsErrors.POINTS_RULE_STATE_INVALID.at("status", "rule " + id + " is " + from + ": it cannot become " + to);
            }
            e.status = to.name();
            e.version++;
            e.updatedAt = BusinessTime.now();
            em.flush();
            EarningRule after = Rules.dto(new Rules.Loaded(e, entries));
            audit.record(action, AUDITED, String.valueOf(id), null, before, after);
            return after;
        });
    }

    @Override
    public List<AuditEntry> audit(long id) {
        jpa.txExpr(TransactionType.Required, em -> find(em, id));
        return audit.recent(AUDITED, String.valueOf(id), 100);
    }

    @Override
    public Earning simulate(Requests.Simulation r) {
        Checks.required("body", r);
        Store store = org.actingStore(Checks.required("storeId", r.storeId));
        Checks.required("tenders", r.tenders);
        if (r.tenders.isEmpty() || r.tenders.size() > 10) {
            throw RuleForm.invalid("tenders", "1 to 10 tenders");
        }
        List<EarningRules.Paid> paid = new ArrayList<>();
        for (int i = 0; i < r.tenders.size(); i++) {
            Requests.TenderAmount t = r.tenders.get(i);
            Checks.required("tenders[" + i + "]", t);
            Checks.required("tenders[" + i + "].method", t.method);
            Checks.required("tenders[" + i + "].amount", t.amount);
            if (t.amount.isNegative()) {
                throw RuleForm.invalid("tenders[" + i + "].amount", "an amount is not negative");
            }
            paid.add(new EarningRules.Paid(t.method, t.amount));
        }
        Member member = r.memberId == null ? null : members.lookup(r.memberId)
                .orElseThrow(() -> MemberErrors.MEMBER_NOT_FOUND.at("memberId", "no such member"));
        LocalDate day = BusinessTime.today();
        return jpa.txExpr(TransactionType.Required, em -> {
            List<EarningRules.Rule> rules = Rules.active(em, RuleKind.SPEND).stream().map(Rules::arithmetic).toList();
            long today = member == null ? 0 : Earnings.earnedOn(em, member.id, day);
            EarningRules.Result res = EarningRules.sale(rules, store.id, store.formatCode, day, member == null ? null : member.levelId, paid, today);
            Earning e = new Earning();
            e.sourceType = Earnings.ORDER;
            e.memberId = member == null ? null : member.id;
            e.storeId = store.id;
            e.ruleId = res.rule() == null ? null : res.rule().id();
            e.ruleName = res.rule() == null ? null : res.rule().name();
            e.base = res.base();
            e.multiplier = res.multiplier();
            e.computed = res.computed();
            e.points = res.points();
            e.outcome = res.outcome();
            e.explanation = res.explanation();
            return e;
        });
    }

    private static RuleEntity find(EntityManager em, long id) {
        RuleEntity e = em.find(RuleEntity.class, id);
        if (e == null) {
            throw PointsErrors.POINTS_RULE_NOT_FOUND.error("no earning rule " + id);
        }
        return e;
    }

    private static RuleEntity locked(EntityManager em, long id) {
        RuleEntity e = find(em, id);
        em.lock(e, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(e);
        return e;
    }

    private static RuleEntity copy(RuleEntity e) {
        RuleEntity c = new RuleEntity();
        c.kind = e.kind;
        c.activity = e.activity;
        c.pointsPerYuan = e.pointsPerYuan;
        c.fixedPoints = e.fixedPoints;
        return c;
    }
}
