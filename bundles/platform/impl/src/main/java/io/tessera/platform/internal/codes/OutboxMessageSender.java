package io.tessera.platform.internal.codes;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Phones;
import io.tessera.platform.api.codes.MessageSender;
import io.tessera.platform.api.codes.OutboxMessage;
import io.tessera.platform.api.codes.OutboxService;
import io.tessera.platform.internal.jpa.OutboxEntity;
import java.util.List;
import java.util.stream.Collectors;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default message sender: keeps every message in PLT_OUTBOX (inside the caller's transaction)
 * instead of sending it. Ranked low so that an SMS gateway bundle takes over when installed.
 */
@Component(service = {MessageSender.class, OutboxService.class}, property = "service.ranking:Integer=-1000")
public class OutboxMessageSender implements MessageSender, OutboxService {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxMessageSender.class);

    private final JpaTemplate jpa;

    @Activate
    public OutboxMessageSender(@Reference(target = "(osgi.unit.name=tessera-platform)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public void send(String phone, String text) {
        OutboxEntity e = new OutboxEntity();
        e.phone = phone;
        e.text = text;
        e.createdAt = BusinessTime.now();
        jpa.tx(TransactionType.Required, em -> em.persist(e));
        LOG.info("Message to {} kept in the outbox", Phones.mask(phone));
    }

    @Override
    public List<OutboxMessage> recent(String phone, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<OutboxEntity> q = phone == null
                    ? em.createQuery("SELECT o FROM OutboxEntity o ORDER BY o.id DESC", OutboxEntity.class)
                    : em.createQuery("SELECT o FROM OutboxEntity o WHERE o.phone = :phone ORDER BY o.id DESC", OutboxEntity.class)
                            .setParameter("phone", phone);
            return q.setMaxResults(Math.max(1, Math.min(limit, 500))).getResultList().stream()
                    .map(o -> new OutboxMessage(o.id, o.phone, o.text, o.createdAt.atZone(BusinessTime.ZONE).toInstant()))
                    .collect(Collectors.toList());
        });
    }
}
