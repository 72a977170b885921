package io.tessera.coupons.internal;

import io.tessera.coupons.api.Coupon;
import io.tessera.coupons.api.CouponErrors;
import io.tessera.coupons.api.CouponEvents;
import io.tessera.coupons.api.CouponIssuer;
import io.tessera.coupons.api.CouponService;
import io.tessera.coupons.api.CouponState;
import io.tessera.coupons.api.RedeemChannel;
import io.tessera.coupons.api.Requests;
import io.tessera.coupons.api.SendResult;
import io.tessera.coupons.api.TemplateStatus;
import io.tessera.coupons.internal.jpa.CouponEntity;
import io.tessera.coupons.internal.jpa.TemplateEntity;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberErrors;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.api.jobs.JobService;
import io.tessera.platform.api.work.UnitOfWork;
import java.time.LocalDate;
import java.time.LocalDateTime;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Issuing coupons (claim; and for the points mall, {@link CouponIssuer}) and the changes a member or an
 * operator makes to one (gift, void). Each use case runs once under its idempotency key as the platform's
 * unit of work; limits are taken by {@link Quotas}; every change writes the coupon's history and an event.
 */
@Component(service = {CouponService.class, CouponIssuer.class})
public class CouponServiceImpl implements CouponService, CouponIssuer {

    private final JpaTemplate jpa;
    private final UnitOfWork work;
    private final EventPublisher events;
    private final MemberService members;
    private final OrgService org;
    private final Quotas quotas;
    private final Sends sends;

    @Activate
    public CouponServiceImpl(@Reference(target = "(osgi.unit.name=tessera-coupons)") JpaTemplate jpa, @Reference UnitOfWork work,
                             @Reference EventPublisher events, @Reference MemberService members, @Reference OrgService org,
                             @Reference JobService jobs) {
        this.jpa = jpa;
        this.work = work;
        this.events = events;
        this.members = members;
        this.org = org;
        this.quotas = new Quotas(jpa, work);
        this.sends = new Sends(jpa, members, jobs, this);
    }

    @Override
    public Coupon claim(Requests.Claim r, String key) {
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        Caller caller = CallerContext.current();
        long templateId = Checks.required("templateId", r.templateId);
        Member member = active(Checks.required("memberId", r.memberId), "memberId");
        Long storeId = r.storeId == null ? null : org.actingStore(r.storeId).id;
        RedeemChannel channel = r.channel == null ? RedeemChannel.POS : r.channel;
        return work.run("coupons.claim", key, r, Coupon.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            TemplateEntity t = Templates.row(em, templateId);
            if (t.ownerStoreId != null && !caller.canAccessStore(t.ownerStoreId)) {
                throw CouponErrors.COUPON_STORE_NOT_ALLOWED.at("templateId", "template " + templateId + " is another store's own");
            }
            return issue(em, templateId, member.id, "CLAIM", storeId, channel.name(), null, caller.label(), true);
        }));
    }

    @Override
    public Coupon issueForPoints(long templateId, long memberId, String reference, long pointsPrice, Long storeId) {
        Caller caller = CallerContext.current();
        String key = "points:" + Checks.text("reference", reference, 60);
        Member member = active(memberId, "memberId");
        return jpa.txExpr(TransactionType.Mandatory, em -> {
            TemplateEntity t = Templates.row(em, templateId);
            if (!t.pointsExchangeable) {
                throw CouponErrors.COUPON_NOT_EXCHANGEABLE.at("templateId", "template " + templateId + " is not in the points mall");
            }
            if (t.ownerStoreId != null && (storeId == null || !caller.canAccessStore(t.ownerStoreId))) {
                throw CouponErrors.COUPON_STORE_NOT_ALLOWED.at("storeId", "template " + templateId + " is store " + t.ownerStoreId
                        + "'s own: exchanged in that store only");
            }
            boolean earlier = !em.createQuery("SELECT c.id FROM CouponEntity c WHERE c.issueKey = :k", Long.class).setParameter("k", key)
                    .getResultList().isEmpty();
            Coupon c = issue(em, templateId, member.id, "POINTS", storeId, null, key, caller.label(), true);
            // Issuing counted the coupon on the template row under its lock: the price read now is the one in force.
            Long price = em.createQuery("SELECT t.pointsPrice FROM TemplateEntity t WHERE t.id = :id", Long.class).setParameter("id", templateId)
                    .getSingleResult();
            if (!earlier && (price == null || price != pointsPrice)) {
                throw CouponErrors.COUPON_POINTS_PRICE_CHANGED.at("pointsPrice", "template " + templateId + " costs "
                        + (price == null ? "no points any more" : price + " points") + ", not " + pointsPrice);
            }
            return c;
        });
    }

    @Override
    public Coupon issueForActivity(long templateId, long memberId, String reference, Long storeId, boolean memberLimits) {
        Caller caller = CallerContext.current();
        String key = "mkt:" + Checks.text("reference", reference, 60);
        Member member = active(memberId, "memberId");
        return jpa.txExpr(TransactionType.Mandatory, em -> issue(em, templateId, member.id, "ACTIVITY", storeId, null, key, caller.label(),
                memberLimits));
    }

    /** One coupon of the template for the member, within its limits; the same coupon again for an issue key already used. */
    Coupon issue(EntityManager em, long templateId, long memberId, String type, Long storeId, String channel, String issueKey,
                 String operator, boolean memberLimits) {
        if (issueKey != null) {
            var earlier = em.createQuery("SELECT c FROM CouponEntity c WHERE c.issueKey = :k", CouponEntity.class)
                    .setParameter("k", issueKey).getResultList();
            if (!earlier.isEmpty()) {
                return Coupons.dto(earlier.get(0), Templates.row(em, earlier.get(0).templateId));
            }
        }
        TemplateEntity t = Templates.row(em, templateId);
        LocalDate today = BusinessTime.today();
        if (!TemplateStatus.ACTIVE.name().equals(t.status)) {
            throw CouponErrors.COUPON_TEMPLATE_NOT_ACTIVE.at("templateId", "template " + templateId + " is " + t.status + ": no new coupons");
        }
        if (t.validTo != null && t.validTo.isBefore(today)) {
            throw CouponErrors.COUPON_TEMPLATE_NOT_ACTIVE.at("templateId", "template " + templateId + "'s coupons were valid until " + t.validTo);
        }
        if (t.ownerStoreId != null && storeId != null && t.ownerStoreId.longValue() != storeId) {
            throw CouponErrors.COUPON_STORE_NOT_ALLOWED.at("storeId", "template " + templateId + " is store " + t.ownerStoreId + "'s own");
        }
        Long issuedAt = t.ownerStoreId != null ? t.ownerStoreId : storeId; // a store's own coupons are that store's records
        if (issueKey != null && !type.equals("CLAIM")) {
            Member m = members.lookup(memberId).orElseThrow(() -> MemberErrors.MEMBER_NOT_FOUND.at("memberId", "no member " + memberId));
            if (m.status != Member.Status.ACTIVE) {
                throw MemberErrors.MEMBER_RETURNED.at("memberId", "member " + memberId + "'s card was returned");
            }
        }
        quotas.take(em, t, memberId, today, memberLimits);
        LocalDateTime now = BusinessTime.now();
        LocalDate[] valid = Coupons.validity(t, today);
        CouponEntity c = new CouponEntity();
        c.no = CouponNos.next();
        c.templateId = t.id;
        c.memberId = memberId;
        c.state = CouponState.AVAILABLE.name();
        c.validFrom = valid[0];
        c.validTo = valid[1];
        c.issueType = type;
        c.issueStoreId = issuedAt;
        c.issueChannel = channel;
        c.issueKey = issueKey;
        c.claimedAt = now;
        c.changedAt = now;
        em.persist(c);
        em.flush();
        String happened = switch (type) {
            case "CLAIM" -> "CLAIMED";
            case "SEND" -> "SENT";
            case "ACTIVITY" -> "REWARDED";
            default -> "EXCHANGED";
        };
        Coupons.history(em, c, happened, null, memberId, null, null, operator, null);
        Coupon dto = Coupons.dto(c, t);
        events.publish(CouponEvents.CLAIMED, CouponEvents.aggregate(c.no), dto);
        return dto;
    }

    @Override
    public SendResult send(Requests.Send r, String key) {
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        return sends.send(CallerContext.current(), r, key);
    }

    @Override
    public Coupon gift(String couponNo, Requests.Gift r, String key) {
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        Caller caller = CallerContext.current();
        long from = Checks.required("fromMemberId", r.fromMemberId);
        long to = Checks.required("toMemberId", r.toMemberId);
        String remark = Checks.optionalText("remark", r.remark, 300);
        if (from == to) {
            throw CouponErrors.COUPON_GIFT_TO_SELF.at("toMemberId", "a coupon is given to another member");
        }
        active(to, "toMemberId");
        return work.run("coupons.gift", key, new Keyed(couponNo, r), Coupon.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            CouponEntity c = Coupons.find(em, couponNo, "couponNo");
            TemplateEntity t = Templates.row(em, c.templateId);
            if (c.memberId != from) {
                throw CouponErrors.COUPON_NOT_OWNER.at("fromMemberId", "coupon " + couponNo + " is not this member's");
            }
            if (!t.giftable) {
                throw CouponErrors.COUPON_NOT_GIFTABLE.error("coupons of template " + t.id + " cannot be given");
            }
            int moved = em.createQuery("UPDATE CouponEntity c SET c.memberId = :to, c.gifted = :yes, c.changedAt = :now"
                            + " WHERE c.id = :id AND c.memberId = :from AND c.state = :available")
                    .setParameter("to", to).setParameter("yes", true).setParameter("now", BusinessTime.now()).setParameter("id", c.id).setParameter("from", from)
                    .setParameter("available", CouponState.AVAILABLE.name()).executeUpdate();
            em.refresh(c);
            if (moved == 0) {
                throw notAvailable(c);
            }
            Coupons.history(em, c, "GIFTED", from, to, null, null, caller.label(), remark);
            Coupon dto = Coupons.dto(c, t);
            events.publish(CouponEvents.GIFTED, CouponEvents.aggregate(c.no), dto);
            return dto;
        }));
    }

    @Override
    public Coupon voidCoupon(String couponNo, Requests.Void r, String key) {
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        Caller caller = CallerContext.current();
        caller.requireAnyRole(Role.HQ_ADMIN, Role.STORE_MANAGER);
        String reason = Checks.text("reason", r.reason, 300);
        return work.run("coupons.void", key, new Keyed(couponNo, r), Coupon.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            CouponEntity c = Coupons.find(em, couponNo, "couponNo");
            TemplateEntity t = Templates.row(em, c.templateId);
            Long store = t.ownerStoreId != null ? t.ownerStoreId : c.issueStoreId;
            if (!caller.seesAllStores() && (store == null || !caller.canAccessStore(store))) {
                throw io.tessera.platform.api.TesseraException.forbidden("coupons are voided by headquarters or the store that issued them");
            }
            int voided = em.createQuery("UPDATE CouponEntity c SET c.state = :void, c.changedAt = :now WHERE c.id = :id AND c.state = :available")
                    .setParameter("void", CouponState.VOID.name()).setParameter("now", BusinessTime.now()).setParameter("id", c.id)
                    .setParameter("available", CouponState.AVAILABLE.name()).executeUpdate();
            em.refresh(c);
            if (voided == 0) {
                throw notAvailable(c);
            }
            Coupons.history(em, c, "VOIDED", null, null, null, null, caller.label(), reason);
            Coupon dto = Coupons.dto(c, t);
            events.publish(CouponEvents.VOIDED, CouponEvents.aggregate(c.no), dto);
            return dto;
        }));
    }

    private static RuntimeException notAvailable(CouponEntity c) {
        return CouponErrors.COUPON_NOT_AVAILABLE.at("couponNo", "coupon " + c.no + " is " + c.state);
    }

    private Member active(long id, String field) {
        Member m = members.lookup(id).orElseThrow(() -> MemberErrors.MEMBER_NOT_FOUND.at(field, "no such member"));
        if (m.status != Member.Status.ACTIVE) {
            throw MemberErrors.MEMBER_RETURNED.at(field, "the member's card was returned");
        }
        return m;
    }

    /** A coupon's no with the request: what an idempotency key is bound to. */
    record Keyed(String couponNo, Object request) {
    }
}
