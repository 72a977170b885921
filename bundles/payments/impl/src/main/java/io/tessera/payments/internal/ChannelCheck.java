package io.tessera.payments.internal;

import io.tessera.payments.api.Refund;
import io.tessera.payments.api.channel.PaymentChannel;
import io.tessera.payments.api.channel.RefundRequest;
import io.tessera.payments.api.channel.RefundResult;
import io.tessera.payments.internal.jpa.OrderEntity;
import io.tessera.payments.internal.jpa.RefundTenderEntity;
import io.tessera.payments.internal.jpa.TenderEntity;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.schedule.ScheduledTask;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Scheduled task "payments.channels.check" (every 15 seconds unless etc/io.tessera.scheduler.cfg says
 * otherwise): asks the channels about every payment they have not decided (WAITING, UNKNOWN) and every refund
 * still PROCESSING, and applies the answers through {@link Settlement}. Each is asked again after 10 s, then
 * twice as long each time up to 10 minutes. A refund part the channel was never asked (Tessera stopped between
 * recording it and asking) is asked now, under the same out_refund_no.
 */
@Component(service = ScheduledTask.class, property = {ScheduledTask.NAME + "=payments.channels.check", ScheduledTask.INTERVAL + "=PT15S"})
public class ChannelCheck implements ScheduledTask {

    private static final int BATCH = 200;
    private static final Duration FIRST = Duration.ofSeconds(10);
    private static final Duration LONGEST = Duration.ofMinutes(10);

    private final JpaTemplate jpa;
    private final Channels channels;
    private final Settlement settlement;

    @Activate
    public ChannelCheck(@Reference(target = "(osgi.unit.name=tessera-payments)") JpaTemplate jpa, @Reference Channels channels,
                        @Reference Settlement settlement) {
        this.jpa = jpa;
        this.channels = channels;
        this.settlement = settlement;
    }

    @Override
    public String run() {
        return CallerContext.callAs(Caller.system("payments.channels.check"), () -> payments() + " payment(s), " + refunds()
                + " refund(s) asked of their channel");
    }

    /** When a payment or refund asked {@code checks} times, last at {@code checkedAt}, is due again. */
    static boolean due(LocalDateTime createdAt, LocalDateTime checkedAt, int checks, LocalDateTime now) {
        LocalDateTime last = checkedAt == null ? createdAt : checkedAt;
        Duration wait = FIRST.multipliedBy(1L << Math.min(checks, 6));
        return !last.plus(wait.compareTo(LONGEST) > 0 ? LONGEST : wait).isAfter(now);
    }

    private int payments() {
        LocalDateTime now = BusinessTime.now();
        List<TenderEntity> open = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT t FROM TenderEntity t WHERE "
                + "t.outTradeNo IS NOT NULL AND t.status IN ('PENDING', 'UNKNOWN') AND t.createdAt < :since ORDER BY t.checkedAt, t.id",
                TenderEntity.class).setParameter("since", now.minus(FIRST)).setMaxResults(BATCH).getResultList());
        int asked = 0;
        for (TenderEntity t : open) {
            PaymentChannel channel = channels.find(PaymentMethod.valueOf(t.method)).orElse(null);
            if (channel == null || !due(t.createdAt, t.checkedAt, t.checks, now)) {
                continue;
            }
            long storeId = jpa.txExpr(TransactionType.Supports, em -> em.find(OrderEntity.class, t.orderId).storeId);
            settlement.payment(t.outTradeNo, Tendering.call(() -> channel.query(storeId, t.outTradeNo, t.paymentCode), t.outTradeNo,
                    "query"), "query");
            asked++;
        }
        return asked;
    }

    private int refunds() {
        LocalDateTime now = BusinessTime.now();
        List<RefundTenderEntity> open = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT p FROM RefundTenderEntity p "
                + "WHERE p.outRefundNo IS NOT NULL AND p.state = :s AND p.createdAt < :since ORDER BY p.checkedAt, p.id",
                RefundTenderEntity.class).setParameter("s", Refund.State.PROCESSING.name()).setParameter("since", now.minus(FIRST))
                .setMaxResults(BATCH).getResultList());
        int asked = 0;
        for (RefundTenderEntity p : open) {
            PaymentChannel channel = channels.find(PaymentMethod.valueOf(p.method)).orElse(null);
            if (channel == null || !due(p.createdAt, p.checkedAt, p.checks, now)) {
                continue;
            }
            RefundRequest q = settlement.refundRequest(p.outRefundNo);
            // Never asked, or unknown to the channel: the refund itself is asked (its out_refund_no refunds once); else where it is.
            RefundResult r = p.checks == 0 ? null : Settlement.ask(() -> channel.queryRefund(q.storeId, q.outTradeNo, p.outRefundNo), p.outRefundNo,
                    "refund query");
            if (r == null || r.state == RefundResult.State.NOT_FOUND) {
                r = Settlement.ask(() -> channel.refund(q), p.outRefundNo, "refund");
            }
            settlement.refund(p.outRefundNo, r, "query");
            asked++;
        }
        return asked;
    }
}
