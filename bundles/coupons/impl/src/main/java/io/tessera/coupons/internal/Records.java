package io.tessera.coupons.internal;

import io.tessera.coupons.api.ClaimRecord;
import io.tessera.coupons.api.CouponKind;
import io.tessera.coupons.api.CouponState;
import io.tessera.coupons.api.RecordQuery;
import io.tessera.coupons.api.RedemptionRecord;
import io.tessera.coupons.internal.jpa.CouponEntity;
import io.tessera.coupons.internal.jpa.RedemptionEntity;
import io.tessera.coupons.internal.jpa.TemplateEntity;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.Like;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PagedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;

/**
 * The claim and redemption records as the back office reads them: the filters (one place, shared by the
 * pages and the export), then each page's names joined in bulk — templates, stores, members — never one
 * lookup per row. A store's staff see the records of their stores only.
 */
final class Records {

    private final OrgService org;
    private final MemberService members;

    Records(OrgService org, MemberService members) {
        this.org = org;
        this.members = members;
    }

    /** The redemptions the query selects (used on a paid order; RETURNED ones stay as records). */
    static PagedQuery redemptions(Caller caller, RecordQuery q) {
        PagedQuery p = PagedQuery.of("RedemptionEntity", "r").where("r.state IN ('USED', 'RETURNED')");
        p.filter(q.couponNo, "r.couponNo = :no", "no")
                .filter(q.templateId, "r.templateId = :template", "template")
                .filter(q.storeId, "r.storeId = :store", "store")
                .filter(q.memberId, "r.memberId = :member", "member")
                .filter(q.kind == null ? null : q.kind.name(), "r.kind = :kind", "kind")
                .filter(q.payMethod == null || q.payMethod.isBlank() ? null : "%" + q.payMethod.trim().toUpperCase() + "%",
                        "r.payMethod LIKE :method", "method")
                .filter(q.source == null || q.source.isBlank() ? null : q.source.trim().toUpperCase(), "r.source = :source", "source")
                .filter(q.from == null ? null : q.from.atStartOfDay(), "r.usedAt >= :from", "from")
                .filter(q.to == null ? null : q.to.plusDays(1).atStartOfDay(), "r.usedAt < :to", "to")
                .filter(q.templateName == null || q.templateName.isBlank() ? null : Like.prefix(q.templateName.trim()),
                        "r.templateId IN (SELECT t.id FROM TemplateEntity t WHERE t.name LIKE :name" + Like.ESCAPE + ")", "name");
        if (!caller.seesAllStores()) {
            p.where("r.storeId IN :mine", "mine", mine(caller));
        }
        return p;
    }

    static PagedQuery claims(Caller caller, RecordQuery q) {
        PagedQuery p = PagedQuery.of("CouponEntity", "c");
        p.filter(q.couponNo, "c.no = :no", "no")
                .filter(q.templateId, "c.templateId = :template", "template")
                .filter(q.storeId, "c.issueStoreId = :store", "store")
                .filter(q.memberId, "c.memberId = :member", "member")
                .filter(q.from == null ? null : q.from.atStartOfDay(), "c.claimedAt >= :from", "from")
                .filter(q.to == null ? null : q.to.plusDays(1).atStartOfDay(), "c.claimedAt < :to", "to")
                .filter(q.kind == null ? null : q.kind.name(),
                        "c.templateId IN (SELECT k.id FROM TemplateEntity k WHERE k.kind = :kind)", "kind")
                .filter(q.templateName == null || q.templateName.isBlank() ? null : Like.prefix(q.templateName.trim()),
                        "c.templateId IN (SELECT t.id FROM TemplateEntity t WHERE t.name LIKE :name" + Like.ESCAPE + ")", "name");
        if (!caller.seesAllStores()) {
            p.where("c.issueStoreId IN :mine", "mine", mine(caller));
        }
        return p;
    }

    List<RedemptionRecord> redemptionRows(EntityManager em, List<RedemptionEntity> rows) {
        Names names = names(em, rows.stream().map(r -> r.templateId).toList(), rows.stream().map(r -> r.memberId).toList());
        List<RedemptionRecord> list = new ArrayList<>();
        for (RedemptionEntity r : rows) {
            RedemptionRecord d = new RedemptionRecord();
            d.templateId = r.templateId;
            d.templateName = names.template(r.templateId);
            d.storeId = r.storeId;
            d.storeName = names.store(r.storeId);
            d.memberId = r.memberId;
            d.memberName = names.member(r.memberId);
            d.kind = CouponKind.valueOf(r.kind);
            d.payMethod = r.payMethod;
            d.source = r.source;
            d.orderNo = r.orderNo;
            d.couponNo = r.couponNo;
            d.discount = Money.of(r.amount);
            d.redeemedAt = BusinessTime.offset(r.usedAt);
            d.state = r.state;
            list.add(d);
        }
        return list;
    }

    List<ClaimRecord> claimRows(EntityManager em, List<CouponEntity> rows) {
        Names names = names(em, rows.stream().map(c -> c.templateId).toList(), rows.stream().map(c -> c.memberId).toList());
        List<ClaimRecord> list = new ArrayList<>();
        for (CouponEntity c : rows) {
            ClaimRecord d = new ClaimRecord();
            d.couponNo = c.no;
            d.templateId = c.templateId;
            d.templateName = names.template(c.templateId);
            d.kind = names.kind(c.templateId);
            d.memberId = c.memberId;
            d.memberName = names.member(c.memberId);
            d.storeId = c.issueStoreId;
            d.storeName = c.issueStoreId == null ? null : names.store(c.issueStoreId);
            d.channel = c.issueChannel;
            d.issueType = c.issueType;
            d.state = CouponState.valueOf(c.state);
            d.claimedAt = BusinessTime.offset(c.claimedAt);
            list.add(d);
        }
        return list;
    }

    /** A page's templates, stores and members, each read once. */
    private Names names(EntityManager em, Collection<Long> templateIds, Collection<Long> memberIds) {
        Map<Long, TemplateEntity> templates = new HashMap<>();
        Set<Long> ids = new HashSet<>(templateIds);
        if (!ids.isEmpty()) {
            em.createQuery("SELECT t FROM TemplateEntity t WHERE t.id IN :ids", TemplateEntity.class).setParameter("ids", ids)
                    .getResultList().forEach(t -> templates.put(t.id, t));
        }
        Map<Long, String> stores = new HashMap<>();
        for (Store s : org.listStores(null)) {
            stores.put(s.id, s.name);
        }
        Map<Long, Member> people = memberIds.isEmpty() ? Map.of() : members.lookupAll(new HashSet<>(memberIds));
        return new Names(templates, stores, people);
    }

    private record Names(Map<Long, TemplateEntity> templates, Map<Long, String> stores, Map<Long, Member> members) {
        String template(long id) {
            TemplateEntity t = templates.get(id);
            return t == null ? null : t.name;
        }

        CouponKind kind(long id) {
            TemplateEntity t = templates.get(id);
            return t == null ? null : CouponKind.valueOf(t.kind);
        }

        String store(long id) {
            return stores.get(id);
        }

        String member(long id) {
            Member m = members.get(id);
            return m == null ? null : m.name;
        }
    }

    private static List<Long> mine(Caller caller) {
        return caller.getStoreIds().isEmpty() ? List.of(-1L) : new ArrayList<>(caller.getStoreIds());
    }
}
