package io.tessera.payments.internal;

import io.tessera.payments.api.PaymentErrors;
import io.tessera.payments.api.channel.Notification;
import io.tessera.payments.api.channel.NotificationRequest;
import io.tessera.payments.api.channel.PaymentChannel;
import io.tessera.payments.internal.jpa.RefundTenderEntity;
import io.tessera.payments.internal.jpa.TenderEntity;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.TesseraException;
import java.util.List;
import java.util.Locale;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A channel's notification, as it arrives at {@code /payments/channels/{channel}/notify}: its signature
 * checked by the channel's adapter, then matched to Tessera's payment or refund (same channel, same amount)
 * and applied through {@link Settlement} — once, whatever its repetition or order. A notification that fails
 * a check is refused (the channel sends it again later) and changes nothing; the refusal is logged without
 * its body.
 */
@Component(service = ChannelNotifications.class)
public class ChannelNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelNotifications.class);

    private final JpaTemplate jpa;
    private final Channels channels;
    private final Settlement settlement;

    @Activate
    public ChannelNotifications(@Reference(target = "(osgi.unit.name=tessera-payments)") JpaTemplate jpa, @Reference Channels channels,
                                @Reference Settlement settlement) {
        this.jpa = jpa;
        this.channels = channels;
        this.settlement = settlement;
    }

    /** Verifies and applies a notification; answers what the channel expects back. */
    public Notification receive(String channelName, NotificationRequest request) {
        PaymentMethod method = switch (channelName == null ? "" : channelName.toLowerCase(Locale.ROOT)) {
            case "wechat" -> PaymentMethod.WECHAT;
            case "alipay" -> PaymentMethod.ALIPAY;
            default -> throw PaymentErrors.CHANNEL_NOT_FOUND.at("channel", "no channel " + channelName + " (wechat, alipay)");
        };
        PaymentChannel channel = channels.find(method)
                .orElseThrow(() -> PaymentErrors.CHANNEL_NOT_FOUND.at("channel", method + " is not installed here"));
        try {
            Notification n = channel.verify(request);
            CallerContext.runAs(Caller.system("payments.notify." + channelName.toLowerCase(Locale.ROOT)), () -> apply(method, n));
            return n;
        } catch (TesseraException e) {
            LOG.warn("{} notification refused: {} {}", method, e.getCode(), e.getMessage());
            throw e;
        }
    }

    private void apply(PaymentMethod method, Notification n) {
        if (n.kind == Notification.Kind.PAYMENT) {
            String no = n.payment.outTradeNo;
            List<TenderEntity> found = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT t FROM TenderEntity t "
                    + "WHERE t.outTradeNo = :n", TenderEntity.class).setParameter("n", no == null ? "" : no).getResultList());
            if (found.isEmpty() || !found.get(0).method.equals(method.name())) {
                throw PaymentErrors.CHANNEL_NOTIFICATION_INVALID.error("no " + method + " payment " + no + " of Tessera's");
            }
            long amount = Money.of(found.get(0).amount).toFen();
            if (n.payment.paidFen != null && n.payment.paidFen != amount) {
                throw PaymentErrors.CHANNEL_NOTIFICATION_INVALID.error("payment " + no + " is " + Money.ofFen(amount) + ", the notification says "
                        + Money.ofFen(n.payment.paidFen));
            }
            settlement.payment(no, n.payment, "notification");
        } else {
            String no = n.refund.outRefundNo;
            List<RefundTenderEntity> found = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT p FROM RefundTenderEntity p "
                    + "WHERE p.outRefundNo = :n", RefundTenderEntity.class).setParameter("n", no == null ? "" : no).getResultList());
            if (found.isEmpty() || !found.get(0).method.equals(method.name())) {
                throw PaymentErrors.CHANNEL_NOTIFICATION_INVALID.error("no " + method + " refund " + no + " of Tessera's");
            }
            long amount = Money.of(found.get(0).amount).toFen();
            if (n.refund.refundFen != null && n.refund.refundFen != amount) {
                throw PaymentErrors.CHANNEL_NOTIFICATION_INVALID.error("refund " + no + " is " + Money.ofFen(amount) + ", the notification says "
                        + Money.ofFen(n.refund.refundFen));
            }
            settlement.refund(no, n.refund, "notification");
        }
    }
}
