package io.tessera.reporting.internal;

import io.tessera.payments.api.Order;
import io.tessera.payments.api.PaymentEvents;
import io.tessera.platform.api.events.Event;
import io.tessera.platform.api.events.EventConsumer;
import io.tessera.wallets.api.JournalEntry;
import io.tessera.wallets.api.WalletEvents;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Consumer "reporting.read-model": every paid order, refund and stored-value journal row into the read model
 * ({@link ReadModel}), in the delivery's transaction: written once, whatever the outbox delivers twice.
 */
@Component(service = EventConsumer.class, property = {EventConsumer.NAME + "=reporting.read-model",
        EventConsumer.TOPICS + "=" + PaymentEvents.ORDER_PAID + "," + PaymentEvents.ORDER_REFUNDED + "," + WalletEvents.ALL})
public class ReadModelEvents implements EventConsumer {

    private final JpaTemplate jpa;

    @Activate
    public ReadModelEvents(@Reference(target = "(osgi.unit.name=tessera-reporting)") JpaTemplate jpa) {
        this.jpa = jpa;
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
            }
        });
    }
}
