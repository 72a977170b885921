package io.tessera.marketing.internal;

import io.tessera.marketing.internal.jpa.MemberCardEntity;
import io.tessera.members.api.MemberEvents;
import io.tessera.platform.api.events.Event;
import io.tessera.platform.api.events.EventConsumer;
import io.tessera.platform.api.events.EventPublisher;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Consumer "marketing.cards": what a member card shows changed — stored value (every {@code wallets.*} journal row),
 * points ({@code points.*}), the level ({@code members.level_changed}) — so each card the member opened counts a
 * version and its push is published, in the delivery's transaction. Every one of those events has the aggregate
 * "member:&lt;id&gt;", which is all this reads.
 */
@Component(service = EventConsumer.class, property = {EventConsumer.NAME + "=marketing.cards",
        EventConsumer.TOPICS + "=wallets.*,points.*," + MemberEvents.LEVEL_CHANGED})
public class CardChanges implements EventConsumer {

    private final JpaTemplate jpa;
    private final EventPublisher events;

    @Activate
    public CardChanges(@Reference(target = "(osgi.unit.name=tessera-marketing)") JpaTemplate jpa, @Reference EventPublisher events) {
        this.jpa = jpa;
        this.events = events;
    }

    @Override
    public void consume(Event event) {
        String aggregate = event.aggregate();
        if (aggregate == null || !aggregate.startsWith("member:")) {
            return;
        }
        long memberId = Long.parseLong(aggregate.substring("member:".length()));
        jpa.tx(TransactionType.Mandatory, em -> {
            if (em.createQuery("UPDATE MemberCardEntity x SET x.version = x.version + 1 WHERE x.memberId = :m AND x.version > 0")
                    .setParameter("m", memberId).executeUpdate() == 0) {
                return;
            }
            List<MemberCardEntity> cards = em.createQuery("SELECT x FROM MemberCardEntity x WHERE x.memberId = :m AND x.version > 0",
                    MemberCardEntity.class).setParameter("m", memberId).getResultList();
            for (MemberCardEntity x : cards) {
                em.refresh(x);
                CardServiceImpl.publish(events, x);
            }
        });
    }
}
