package io.tessera.coupons.internal;

import io.tessera.coupons.api.CouponErrors;
import io.tessera.coupons.api.CouponEvents;
import io.tessera.coupons.api.CouponState;
import io.tessera.coupons.internal.jpa.CouponEntity;
import io.tessera.coupons.internal.jpa.RedemptionEntity;
import io.tessera.coupons.internal.jpa.RedemptionLineEntity;
import io.tessera.coupons.internal.jpa.ReversalEntity;
import io.tessera.coupons.internal.jpa.TemplateEntity;
import io.tessera.coupons.internal.rules.CouponPricing;
import io.tessera.coupons.internal.rules.RefundRule;
import io.tessera.payments.api.spi.Cart;
import io.tessera.payments.api.spi.RefundView;
import io.tessera.payments.api.spi.Reversal;
import io.tessera.payments.api.spi.Taken;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.events.EventPublisher;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A coupon's part in an order, inside checkout's transaction: reserved (one conditional update
 * AVAILABLE → RESERVED, so of two tills one wins), used when the order is paid, released when it closes,
 * and what each refund does to it ({@link RefundRule}), recorded once per refund so a second call answers
 * the same. A plain object of the collaborator.
 */
final class Redemptions {

    private static final Logger LOG = LoggerFactory.getLogger(Redemptions.class);

    private final CouponSettings settings;
    private final EventPublisher events;

    Redemptions(CouponSettings settings, EventPublisher events) {
        this.settings = settings;
        this.events = events;
    }

    void reserve(EntityManager em, String orderNo, Cart cart, List<CouponCollaborator.Usable> coupons, List<CouponPricing.Applied> applied,
                 List<Taken> taken, String who) {
        Map<String, CouponCollaborator.Usable> byNo = coupons.stream().collect(Collectors.toMap(u -> u.coupon().no, u -> u));
        Map<String, Taken> takenByNo = taken.stream().collect(Collectors.toMap(t -> t.reference, t -> t));
        LocalDateTime now = BusinessTime.now();
        Map<String, Integer> steps = new HashMap<>();
        for (CouponPricing.Applied a : applied) {
            steps.put(a.coupon().couponNo(), steps.size() + 1);
        }
        // coupons are locked in id order, so two orders naming the same coupons never wait on each other in a circle
        List<CouponPricing.Applied> byId = new ArrayList<>(applied);
        byId.sort(java.util.Comparator.comparingLong(a -> byNo.get(a.coupon().couponNo()).coupon().id));
        for (CouponPricing.Applied a : byId) {
            int step = steps.get(a.coupon().couponNo());
            CouponCollaborator.Usable u = byNo.get(a.coupon().couponNo());
            CouponEntity c = u.coupon();
            long done = em.createQuery("SELECT COUNT(r) FROM RedemptionEntity r WHERE r.orderNo = :o AND r.couponId = :c", Long.class)
                    .setParameter("o", orderNo).setParameter("c", c.id).getSingleResult();
            if (done > 0) {
                continue; // called again after a crash: reserved already
            }
            int held = em.createQuery("UPDATE CouponEntity c SET c.state = :reserved, c.orderNo = :o, c.reservedAt = :now, c.changedAt = :now"
                            + " WHERE c.id = :id AND c.state = :available AND c.memberId = :member")
                    .setParameter("reserved", CouponState.RESERVED.name()).setParameter("o", orderNo).setParameter("now", now)
                    .setParameter("id", c.id).setParameter("available", CouponState.AVAILABLE.name()).setParameter("member", cart.memberId)
                    .executeUpdate();
            em.refresh(c);
            if (held == 0) {
                CouponCollaborator.stateAllows(c, "coupon " + c.no);
                throw CouponErrors.COUPON_NOT_OWNER.at("discounts", "coupon " + c.no + " is not this member's");
            }
            Taken t = takenByNo.get(c.no);
            RedemptionEntity r = new RedemptionEntity();
            r.orderNo = orderNo;
            r.couponId = c.id;
            r.couponNo = c.no;
            r.templateId = c.templateId;
            r.kind = u.template().kind;
            r.step = step;
            r.minSpend = u.template().minSpend;
            r.amount = t.amount.toBigDecimal();
            r.state = "RESERVED";
            r.storeId = cart.storeId;
            r.memberId = cart.memberId;
            r.source = cart.channel == null ? "POS" : cart.channel;
            r.reservedAt = now;
            em.persist(r);
            em.flush();
            for (int i = 0; i < cart.lines.size(); i++) {
                long amount = t.perLine.get(i).toFen();
                if (a.base()[i] == 0 && amount == 0) {
                    continue;
                }
                RedemptionLineEntity l = new RedemptionLineEntity();
                l.redemptionId = r.id;
                l.lineIndex = i;
                l.sku = cart.lines.get(i).sku;
                l.base = Money.ofFen(a.base()[i]).toBigDecimal();
                l.amount = Money.ofFen(amount).toBigDecimal();
                l.units = a.units()[i];
                l.clawed = BigDecimal.ZERO.setScale(2);
                em.persist(l);
            }
            Coupons.history(em, c, "RESERVED", null, null, orderNo, null, who, null);
        }
    }

    void commit(EntityManager em, String orderNo, String who) {
        LocalDateTime now = BusinessTime.now();
        for (RedemptionEntity r : of(em, orderNo, "RESERVED")) {
            CouponEntity c = em.find(CouponEntity.class, r.couponId);
            int used = em.createQuery("UPDATE CouponEntity c SET c.state = :used, c.usedAt = :now, c.changedAt = :now WHERE c.id = :id"
                            + " AND c.state = :reserved AND c.orderNo = :o")
                    .setParameter("used", CouponState.USED.name()).setParameter("now", now).setParameter("id", r.couponId)
                    .setParameter("reserved", CouponState.RESERVED.name()).setParameter("o", orderNo).executeUpdate();
            em.refresh(c);
            if (used == 0) {
                // not held by this order (reserve and release keep to the order, so this is a fault): never a second use
                LOG.warn("coupon {} is {}, not reserved by order {}: not used by it", c.no, c.state, orderNo);
                r.state = "RELEASED";
                r.doneAt = now;
                continue;
            }
            r.state = "USED";
            r.usedAt = now;
            Coupons.history(em, c, "USED", null, null, orderNo, null, who, null);
            events.publish(CouponEvents.REDEEMED, CouponEvents.aggregate(c.no), Coupons.used(Coupons.dto(c, em.find(TemplateEntity.class, c.templateId)), r));
        }
    }

    /** The order closed unpaid: its coupons are the member's again (or expired). */
    void release(EntityManager em, String orderNo, String why, String who) {
        LocalDateTime now = BusinessTime.now();
        for (RedemptionEntity r : of(em, orderNo, "RESERVED")) {
            CouponEntity c = em.find(CouponEntity.class, r.couponId);
            em.createQuery("UPDATE CouponEntity c SET c.state = :back, c.orderNo = NULL, c.reservedAt = NULL, c.changedAt = :now"
                            + " WHERE c.id = :id AND c.state = :reserved AND c.orderNo = :o")
                    .setParameter("back", Coupons.backTo(c).name()).setParameter("now", now).setParameter("id", r.couponId)
                    .setParameter("reserved", CouponState.RESERVED.name()).setParameter("o", orderNo).executeUpdate();
            em.refresh(c);
            r.state = "RELEASED";
            r.doneAt = now;
            Coupons.history(em, c, "RELEASED", null, null, orderNo, null, who, why);
        }
    }

    /**
     * A refund of the order: per coupon (in the order applied) the refund rule on the order's lines; its
     * adjustments change what later coupons see the refund give back. {@code late}: from the refund's event,
     * after the fact (the coupons feature was not installed): the coupon's state follows, the money cannot.
     */
    List<Reversal> reverse(EntityManager em, String orderNo, RefundView refund, boolean late, String who) {
        List<ReversalEntity> earlier = em.createQuery("SELECT v FROM ReversalEntity v WHERE v.refundNo = :r ORDER BY v.id", ReversalEntity.class)
                .setParameter("r", refund.refundNo).getResultList();
        if (!earlier.isEmpty()) {
            return earlier.stream().map(Redemptions::answer).toList();
        }
        List<RedemptionEntity> used = em.createQuery("SELECT r FROM RedemptionEntity r WHERE r.orderNo = :o AND r.state IN :s ORDER BY r.step",
                RedemptionEntity.class).setParameter("o", orderNo).setParameter("s", List.of("USED", "RETURNED")).getResultList();
        int n = refund.lines.size();
        long[] back = new long[n];
        long[] clawedOnLine = new long[n];
        Map<Long, List<RedemptionLineEntity>> linesOf = new HashMap<>();
        for (RefundView.Line l : refund.lines) {
            back[l.index] = l.amount.toFen();
        }
        for (RedemptionEntity r : used) {
            List<RedemptionLineEntity> lines = em.createQuery("SELECT l FROM RedemptionLineEntity l WHERE l.redemptionId = :r ORDER BY l.lineIndex",
                    RedemptionLineEntity.class).setParameter("r", r.id).getResultList();
            linesOf.put(r.id, lines);
            for (RedemptionLineEntity l : lines) {
                clawedOnLine[l.lineIndex] += Money.of(l.clawed).toFen();
            }
        }
        RefundRule.Settings policy = settings.rules().refund();
        if (late) {
            // the refund is made: its money cannot change, so it is never refused now
            policy = new RefundRule.Settings(policy.restoreOnFull(), policy.clawBack(), policy.returnOnClawBack(), false);
        }
        LocalDateTime now = BusinessTime.now();
        List<Reversal> answers = new ArrayList<>();
        for (RedemptionEntity r : used) {
            Map<Integer, RedemptionLineEntity> mine = new HashMap<>();
            linesOf.get(r.id).forEach(l -> mine.put(l.lineIndex, l));
            List<RefundRule.Line> ruleLines = new ArrayList<>();
            for (RefundView.Line l : refund.lines) {
                RedemptionLineEntity m = mine.get(l.index);
                ruleLines.add(new RefundRule.Line(m == null ? 0 : Money.of(m.base).toFen(), m == null ? 0 : Money.of(m.amount).toFen(),
                        l.payable.toFen(), l.lineQuantity, l.refundedBefore.toFen(), l.returnedBefore, clawedOnLine[l.index],
                        back[l.index], l.quantity, m == null ? 0 : Money.of(m.clawed).toFen()));
            }
            RefundRule.Decision d = RefundRule.decide(policy, Money.of(r.minSpend).toFen(), r.clawedBack, r.returned, ruleLines);
            if (late && (d.action() == RefundRule.Action.CLAWED_BACK || d.action() == RefundRule.Action.GIVEN_BACK)) {
                // too late to change the refund's money: the coupon stays as it is (a claw-back that did not happen returns nothing)
                d = new RefundRule.Decision(RefundRule.Action.KEPT, new long[n], 0, d.action() == RefundRule.Action.GIVEN_BACK && d.returnCoupon(),
                        "not " + d.action() + ": " + d.note());
            }
            long[] adjustment = d.adjustment();
            for (int i = 0; i < n; i++) {
                back[i] += adjustment[i];
                clawedOnLine[i] -= adjustment[i];
                RedemptionLineEntity m = mine.get(i);
                if (m != null && adjustment[i] != 0) {
                    m.clawed = Money.ofFen(Money.of(m.clawed).toFen() - adjustment[i]).toBigDecimal();
                } else if (adjustment[i] != 0) {
                    throw new IllegalStateException("coupon " + r.couponNo + " adjusts line " + i + " it did not touch");
                }
            }
            CouponEntity c = em.find(CouponEntity.class, r.couponId);
            if (d.action() == RefundRule.Action.CLAWED_BACK) {
                r.clawedBack = true;
                Coupons.history(em, c, "CLAWED_BACK", null, null, orderNo, refund.refundNo, who, d.note());
            }
            if (d.returnCoupon()) {
                int back2 = em.createQuery("UPDATE CouponEntity c SET c.state = :back, c.changedAt = :now WHERE c.id = :id AND c.state = :used"
                                + " AND c.orderNo = :o")
                        .setParameter("back", Coupons.backTo(c).name()).setParameter("now", now).setParameter("id", c.id)
                        .setParameter("used", CouponState.USED.name()).setParameter("o", orderNo).executeUpdate();
                em.refresh(c);
                r.returned = true;
                r.state = "RETURNED";
                r.doneAt = now;
                if (back2 == 1) {
                    Coupons.history(em, c, "RETURNED", null, null, orderNo, refund.refundNo, who,
                            d.action() == RefundRule.Action.CLAWED_BACK ? null : d.note());
                    events.publish(CouponEvents.RETURNED, CouponEvents.aggregate(c.no), Coupons.used(Coupons.dto(c, em.find(TemplateEntity.class, c.templateId)), r));
                }
            }
            ReversalEntity v = new ReversalEntity();
            v.refundNo = refund.refundNo;
            v.orderNo = orderNo;
            v.couponId = c.id;
            v.couponNo = c.no;
            v.action = d.action().name();
            v.adjustment = Arrays.stream(adjustment).allMatch(f -> f == 0) ? ""
                    : Arrays.stream(adjustment).mapToObj(Long::toString).collect(Collectors.joining(","));
            v.shortfall = Money.ofFen(d.shortfall()).toBigDecimal();
            v.discount = r.amount;
            v.note = late ? "applied after the refund (coupons were not installed then); its money was not changed"
                    + (d.note() == null ? "" : ": " + d.note()) : d.note();
            if (v.note != null && v.note.length() > 300) {
                v.note = v.note.substring(0, 300);
            }
            v.late = late;
            v.at = now;
            em.persist(v);
            answers.add(answer(v));
        }
        return answers;
    }

    private static Reversal answer(ReversalEntity v) {
        Reversal r = new Reversal();
        r.reference = v.couponNo;
        r.action = v.action;
        r.amount = Money.of(v.discount);
        r.note = v.note;
        if (!v.adjustment.isEmpty()) {
            r.perLine = Arrays.stream(v.adjustment.split(",")).map(f -> Money.ofFen(Long.parseLong(f))).toList();
        }
        return r;
    }

    private static List<RedemptionEntity> of(EntityManager em, String orderNo, String state) {
        return em.createQuery("SELECT r FROM RedemptionEntity r WHERE r.orderNo = :o AND r.state = :s ORDER BY r.step", RedemptionEntity.class)
                .setParameter("o", orderNo).setParameter("s", state).getResultList();
    }
}
