package io.tessera.reporting.internal;

import io.tessera.coupons.api.Coupon;
import io.tessera.coupons.api.CouponEvents;
import io.tessera.members.api.MemberEvents;
import io.tessera.payments.api.Order;
import io.tessera.payments.api.PaymentEvents;
import io.tessera.platform.api.events.Event;
import io.tessera.platform.api.events.EventConsumer;
import io.tessera.points.api.PointsEntry;
import io.tessera.points.api.PointsEvents;
import io.tessera.wallets.api.JournalEntry;
import io.tessera.wallets.api.WalletEvents;
import java.util.ArrayList;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Consumer "reporting.read-model": every paid order, refund and stored-value journal row into the read model
 * ({@link ReadModel}), every registration, coupon claimed, redeemed or returned and points journal row into its
 * counts ({@link Counts}), in the delivery's transaction: written once, whatever the outbox delivers twice.
 */
@Component(service = EventConsumer.class, property = {EventConsumer.NAME + "=reporting.read-model",
        EventConsumer.TOPICS + "=" + PaymentEvents.ORDER_PAID + "," + PaymentEvents.ORDER_REFUNDED + "," + WalletEvents.ALL + ","
                + MemberEvents.REGISTERED + "," + CouponEvents.CLAIMED + "," + CouponEvents.REDEEMED + "," + CouponEvents.RETURNED + ","
                + PointsEvents.ALL})
public class ReadModelEvents implements EventConsumer {

    private final JpaTemplate jpa;

    @Activate
    public ReadModelEvents(@Reference(target = "(osgi.unit.name=tessera-reporting)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    /** The chunk's stored-value journal rows written together ({@link ReadModel#journals}); the other events one by one. */
    @Override
    public void consumeAll(List<Event> events) {
        List<JournalEntry> journal = new ArrayList<>();
        for (Event event : events) {
            if (event.topic().startsWith(WalletEvents.PREFIX)) {
                journal.add(event.payload(JournalEntry.class));
            } else {
                consume(event);
            }
        }
        if (!journal.isEmpty()) {
            jpa.tx(TransactionType.Mandatory, em -> {
                ReadModel.journals(em, journal);
            });
        }
    }

    @Override
    public void consume(Event event) {
        jpa.tx(TransactionType.Mandatory, em -> {
            if (PaymentEvents.ORDER_PAID.equals(event.topic())) {
                ReadModel.paid(em, event.payload(Order.class));
            } else if (PaymentEvents.ORDER_REFUNDED.equals(event.topic())) {
                PaymentEvents.Refunded r = event.payload(PaymentEvents.Refunded.class);
                ReadModel.refunded(em, r.refund, r.order);
            } else if (event.topic().startsWith(WalletEvents.PREFIX)) {
                ReadModel.journal(em, event.payload(JournalEntry.class));
            } else if (MemberEvents.REGISTERED.equals(event.topic())) {
                MemberEvents.Registered r = event.payload(MemberEvents.Registered.class);
                Counts.registered(em, r.memberId, r.storeId, r.registeredAt);
            } else if (CouponEvents.CLAIMED.equals(event.topic())) {
                Coupon c = event.payload(Coupon.class);
                Counts.issued(em, c.no, c.issueStoreId, c.claimedAt);
            } else if (CouponEvents.REDEEMED.equals(event.topic())) {
                Coupon c = event.payload(Coupon.class);
                Counts.redeemed(em, c.no, c.orderNo, c.usedStoreId == null ? Counts.NO_STORE : c.usedStoreId, c.usedDiscount, c.usedAt);
            } else if (CouponEvents.RETURNED.equals(event.topic())) {
                Coupon c = event.payload(Coupon.class);
                Counts.returned(em, c.no, c.orderNo, c.usedStoreId == null ? Counts.NO_STORE : c.usedStoreId, c.usedDiscount, c.returnedAt);
            } else if (event.topic().startsWith("points.")) {
                Counts.points(em, event.payload(PointsEntry.class));
            }
        });
    }
}
