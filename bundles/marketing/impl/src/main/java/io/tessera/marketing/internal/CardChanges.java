package io.tessera.marketing.internal;

import io.tessera.marketing.internal.jpa.MemberCardEntity;
import io.tessera.members.api.MemberEvents;
import io.tessera.platform.api.events.Event;
import io.tessera.platform.api.events.EventConsumer;
import io.tessera.platform.api.events.EventPublisher;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * Most members paying at the till opened no card: one read finds which of the chunk's members did, and only their
     * events go on to {@link #consume}.
     */
    @Override
    public void consumeAll(List<Event> chunk) {
        Set<Long> members = new HashSet<>();
        for (Event event : chunk) {
            Long id = memberOf(event);
            if (id != null) {
                members.add(id);
            }
        }
        if (members.isEmpty()) {
            return;
        }
        Set<Long> withCards = new HashSet<>(jpa.txExpr(TransactionType.Mandatory, em -> em.createQuery(
                "SELECT DISTINCT x.memberId FROM MemberCardEntity x WHERE x.memberId IN :m AND x.version > 0", Long.class)
                .setParameter("m", List.copyOf(members)).getResultList()));
        for (Event event : chunk) {
            if (withCards.contains(memberOf(event))) {
                consume(event);
            }
        }
    }

    @Override
    public void consume(Event event) {
        Long memberId = memberOf(event);
        if (memberId == null) {
            return;
        }
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

    /** The member of an event with the aggregate "member:&lt;id&gt;", else null. */
    private static Long memberOf(Event event) {
        String aggregate = event.aggregate();
        return aggregate == null || !aggregate.startsWith("member:") ? null : Long.valueOf(aggregate.substring("member:".length()));
    }
}
