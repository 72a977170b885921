package io.tessera.coupons.internal;

import io.tessera.coupons.api.Coupon;
import io.tessera.coupons.api.CouponErrors;
import io.tessera.coupons.api.CouponKind;
import io.tessera.coupons.api.CouponState;
import io.tessera.coupons.internal.jpa.CouponEntity;
import io.tessera.coupons.internal.jpa.CouponEventEntity;
import io.tessera.coupons.internal.jpa.RedemptionEntity;
import io.tessera.coupons.internal.jpa.TemplateEntity;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Optional;
import javax.persistence.EntityManager;

/** Coupons as the domain reads and records them: find by number, history rows, DTOs, the state a coupon goes back to. */
final class Coupons {

    private Coupons() {
    }

    /** The coupon, or 400 COUPON_NO_INVALID (checked before any read) / 404 COUPON_NOT_FOUND at {@code field}. */
    static CouponEntity find(EntityManager em, String no, String field) {
        return maybe(em, no, field).orElseThrow(() -> CouponErrors.COUPON_NOT_FOUND.at(field, "no coupon " + no));
    }

    static Optional<CouponEntity> maybe(EntityManager em, String no, String field) {
        if (!CouponNos.valid(no)) {
            throw CouponErrors.COUPON_NO_INVALID.at(field, "a coupon number is 18 digits starting with 9, the last a check digit");
        }
        return em.createQuery("SELECT c FROM CouponEntity c WHERE c.no = :no", CouponEntity.class).setParameter("no", no)
                .getResultList().stream().findFirst();
    }

    /** A coupon that comes back unused: AVAILABLE while valid, EXPIRED once its last day has passed. */
    static CouponState backTo(CouponEntity c) {
        return c.validTo.isBefore(BusinessTime.today()) ? CouponState.EXPIRED : CouponState.AVAILABLE;
    }

    static void history(EntityManager em, CouponEntity c, String type, Long from, Long to, String orderNo, String refundNo,
                        String operator, String note) {
        CouponEventEntity e = new CouponEventEntity();
        e.couponId = c.id;
        e.type = type;
        e.fromMemberId = from;
        e.toMemberId = to;
        e.orderNo = orderNo;
        e.refundNo = refundNo;
        e.operator = operator;
        e.note = note == null || note.length() <= 300 ? note : note.substring(0, 300);
        e.at = BusinessTime.now();
        em.persist(e);
        em.flush(); // its id now: a coupon's history reads back in the order it happened
    }

    static Coupon dto(CouponEntity c, TemplateEntity t) {
        Coupon d = new Coupon();
        d.no = c.no;
        d.templateId = c.templateId;
        d.templateName = t.name;
        d.kind = CouponKind.valueOf(t.kind);
        d.memberId = c.memberId;
        d.state = CouponState.valueOf(c.state);
        d.validFrom = c.validFrom;
        d.validTo = c.validTo;
        d.issueType = c.issueType;
        d.issueStoreId = c.issueStoreId;
        d.issueChannel = c.issueChannel;
        d.orderNo = c.orderNo;
        d.gifted = c.gifted;
        d.claimedAt = BusinessTime.offset(c.claimedAt);
        d.usedAt = c.usedAt == null ? null : BusinessTime.offset(c.usedAt);
        return d;
    }

    /** The redemption a coupons.redeemed or coupons.returned event tells of: its store, its discount, when it was returned. */
    static Coupon used(Coupon d, RedemptionEntity r) {
        d.usedStoreId = r.storeId;
        d.usedDiscount = Money.of(r.amount);
        d.returnedAt = r.returned && r.doneAt != null ? BusinessTime.offset(r.doneAt) : null;
        return d;
    }

    static Coupon withHistory(EntityManager em, CouponEntity c) {
        Coupon d = dto(c, em.find(TemplateEntity.class, c.templateId));
        d.history = new ArrayList<>();
        for (CouponEventEntity e : em.createQuery("SELECT e FROM CouponEventEntity e WHERE e.couponId = :c ORDER BY e.id",
                CouponEventEntity.class).setParameter("c", c.id).getResultList()) {
            Coupon.History h = new Coupon.History();
            h.type = e.type;
            h.fromMemberId = e.fromMemberId;
            h.toMemberId = e.toMemberId;
            h.orderNo = e.orderNo;
            h.refundNo = e.refundNo;
            h.operator = e.operator;
            h.note = e.note;
            h.at = BusinessTime.offset(e.at);
            d.history.add(h);
        }
        return d;
    }

    /** First and last valid day of a coupon issued today. */
    static LocalDate[] validity(TemplateEntity t, LocalDate today) {
        if (t.validFrom != null) {
            return new LocalDate[] {t.validFrom, t.validTo};
        }
        LocalDate from = today.plusDays(t.startDelayDays);
        return new LocalDate[] {from, from.plusDays(t.validDays - 1L)};
    }
}
