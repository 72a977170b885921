package io.tessera.coupons.internal;

import io.tessera.coupons.api.Coupon;
import io.tessera.coupons.api.CouponEvents;
import io.tessera.coupons.internal.jpa.RedemptionEntity;
import io.tessera.coupons.internal.jpa.ReversalEntity;
import io.tessera.coupons.internal.jpa.StatEntity;
import io.tessera.payments.api.Order;
import io.tessera.payments.api.PaymentEvents;
import io.tessera.payments.api.Tender;
import io.tessera.payments.api.TenderStatus;
import io.tessera.payments.api.spi.RefundView;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.events.Event;
import io.tessera.platform.api.events.EventConsumer;
import io.tessera.platform.api.events.EventPublisher;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.TreeSet;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Consumer "coupons.book": keeps the monthly statistics (CPN_STAT_MONTH) from the coupons' own events,
 * and follows the orders: how a paid order was paid (the redemption records' payment method), and what
 * checkout could not tell the coupons while their feature was not installed — an order paid or closed, a
 * refund made meanwhile (applied late: the coupon's state follows; the refund's money was already final).
 * Each event in the delivery's transaction, so it counts exactly once.
 */
@Component(service = EventConsumer.class, property = {EventConsumer.NAME + "=coupons.book",
        EventConsumer.TOPICS + "=coupons.*," + PaymentEvents.ORDER_PAID + "," + PaymentEvents.ORDER_CLOSED + "," + PaymentEvents.ORDER_REFUNDED})
public class CouponBook implements EventConsumer {

    private static final String LATE = "system:coupons.late";
    /** The store of a claim made at no store (a mini-program, a send). */
    static final long NO_STORE = 0;
    /** The row of the whole chain. */
    static final long CHAIN = -1;

    private final JpaTemplate jpa;
    private final Redemptions redemptions;

    @Activate
    public CouponBook(@Reference(target = "(osgi.unit.name=tessera-coupons)") JpaTemplate jpa, @Reference CouponSettings settings,
                      @Reference EventPublisher events) {
        this.jpa = jpa;
        this.redemptions = new Redemptions(settings, events);
    }

    @Override
    public void consume(Event event) {
        jpa.tx(TransactionType.Mandatory, em -> {
            switch (event.topic()) {
                case CouponEvents.CLAIMED -> claimed(em, event.payload(Coupon.class));
                case CouponEvents.REDEEMED -> redeemed(em, event.payload(Coupon.class));
                case CouponEvents.RETURNED -> returned(em, event.payload(Coupon.class), event.createdAt());
                case PaymentEvents.ORDER_PAID -> paid(em, event.payload(Order.class));
                case PaymentEvents.ORDER_CLOSED -> redemptions.release(em, event.payload(Order.class).orderNo, "the order closed unpaid", LATE);
                case PaymentEvents.ORDER_REFUNDED -> refunded(em, event.payload(PaymentEvents.Refunded.class));
                default -> {
                    // gifted, expired, voided: nothing to count
                }
            }
        });
    }

    private static void claimed(EntityManager em, Coupon c) {
        int month = month(c.claimedAt.atZoneSameInstant(BusinessTime.ZONE).toLocalDateTime());
        for (StatEntity s : stats(em, month, c.templateId, c.issueStoreId == null ? NO_STORE : c.issueStoreId)) {
            s.claimed++;
        }
    }

    private static void redeemed(EntityManager em, Coupon c) {
        RedemptionEntity r = redemption(em, c);
        if (r != null) {
            for (StatEntity s : stats(em, month(r.usedAt), r.templateId, r.storeId)) {
                s.redeemed++;
                s.discount = s.discount.add(r.amount);
            }
        }
    }

    private static void returned(EntityManager em, Coupon c, LocalDateTime at) {
        RedemptionEntity r = redemption(em, c);
        if (r != null) {
            for (StatEntity s : stats(em, month(at), r.templateId, r.storeId)) {
                s.returned++;
                s.returnedDiscount = s.returnedDiscount.add(r.amount);
            }
        }
    }

    /** The store's row of the month and template, and the chain's (what headquarters read without naming a store). */
    private static List<StatEntity> stats(EntityManager em, int month, long templateId, long storeId) {
        return List.of(stat(em, month, templateId, storeId), stat(em, month, templateId, CHAIN));
    }

    /** The order is paid: its coupons are used (late, if checkout could not say so), and the records learn how it was paid. */
    private void paid(EntityManager em, Order o) {
        redemptions.commit(em, o.orderNo, LATE);
        TreeSet<String> methods = new TreeSet<>();
        for (Tender t : o.tenders) {
            if (t.status == TenderStatus.SUCCEEDED) {
                methods.add(t.method.name());
            }
        }
        String method = methods.isEmpty() ? "NONE" : String.join("+", methods);
        em.createQuery("UPDATE RedemptionEntity r SET r.payMethod = :m WHERE r.orderNo = :o").setParameter("m", method)
                .setParameter("o", o.orderNo).executeUpdate();
    }

    /** A refund checkout could not tell the coupons about (their feature was not installed): applied now, to the coupons' state only. */
    private void refunded(EntityManager em, PaymentEvents.Refunded r) {
        long known = em.createQuery("SELECT COUNT(v) FROM ReversalEntity v WHERE v.refundNo = :n", Long.class)
                .setParameter("n", r.refund.refundNo).getSingleResult();
        long used = em.createQuery("SELECT COUNT(x) FROM RedemptionEntity x WHERE x.orderNo = :o AND x.state IN ('USED', 'RETURNED')", Long.class)
                .setParameter("o", r.order.orderNo).getSingleResult();
        if (known > 0 || used == 0 || r.refund.reversals.stream().anyMatch(v -> "COUPON".equals(v.source))) {
            return;
        }
        RefundView view = RefundView.of(r.refund, r.order);
        redemptions.reverse(em, r.order.orderNo, view, true, LATE);
    }

    private static RedemptionEntity redemption(EntityManager em, Coupon c) {
        if (c.orderNo == null) {
            return null;
        }
        List<RedemptionEntity> found = em.createQuery("SELECT r FROM RedemptionEntity r WHERE r.orderNo = :o AND r.couponNo = :c",
                RedemptionEntity.class).setParameter("o", c.orderNo).setParameter("c", c.no).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static int month(LocalDateTime at) {
        return at.getYear() * 100 + at.getMonthValue();
    }

    /** The month's row of the template and store, made when it is the first. */
    private static StatEntity stat(EntityManager em, int month, long templateId, long storeId) {
        List<StatEntity> found = em.createQuery("SELECT s FROM StatEntity s WHERE s.month = :m AND s.templateId = :t AND s.storeId = :s",
                StatEntity.class).setParameter("m", month).setParameter("t", templateId).setParameter("s", storeId).getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        StatEntity s = new StatEntity();
        s.month = month;
        s.templateId = templateId;
        s.storeId = storeId;
        s.discount = BigDecimal.ZERO.setScale(2);
        s.returnedDiscount = BigDecimal.ZERO.setScale(2);
        em.persist(s);
        return s;
    }
}
