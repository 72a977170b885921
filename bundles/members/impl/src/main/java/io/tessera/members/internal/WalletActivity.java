package io.tessera.members.internal;

import io.tessera.members.internal.jpa.ActivityEntity;
import io.tessera.platform.api.events.Event;
import io.tessera.platform.api.events.EventConsumer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.LockModeType;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Consumer "members.wallet-activity" of every wallet event: counts the member's movements and adds up
 * the stored value in and out, in the delivery's transaction (so the count and the delivery's DONE
 * commit together). Reads the wallets' payload with a class of its own: members need no wallets bundle.
 */
@Component(service = EventConsumer.class,
        property = {EventConsumer.NAME + "=members.wallet-activity", EventConsumer.TOPICS + "=wallets.*"})
public class WalletActivity implements EventConsumer {

    private final JpaTemplate jpa;

    /** The fields of the wallets' movement payload this consumer reads. */
    public static class Moved {
        public long memberId;
        public BigDecimal principalDelta;
        public BigDecimal bonusDelta;
    }

    @Activate
    public WalletActivity(@Reference(target = "(osgi.unit.name=tessera-members)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public void consume(Event event) {
        consumeAll(List.of(event));
    }

    /**
     * The chunk's movements member by member: one read locks the rows of all its members (only this consumer writes
     * them), each row changes once however many of the member's movements the chunk holds.
     */
    @Override
    public void consumeAll(List<Event> events) {
        Map<Long, List<Movement>> byMember = new LinkedHashMap<>();
        for (Event event : events) {
            Moved m = event.payload(Moved.class);
            byMember.computeIfAbsent(m.memberId, id -> new ArrayList<>()).add(new Movement(event, m));
        }
        jpa.tx(TransactionType.Mandatory, em -> {
            Map<Long, ActivityEntity> rows = new HashMap<>();
            em.createQuery("SELECT a FROM ActivityEntity a WHERE a.memberId IN :ids", ActivityEntity.class)
                    .setParameter("ids", List.copyOf(byMember.keySet())).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList().forEach(a -> rows.put(a.memberId, a));
            for (Map.Entry<Long, List<Movement>> member : byMember.entrySet()) {
                ActivityEntity a = rows.get(member.getKey());
                if (a == null) {
                    a = new ActivityEntity();
                    a.memberId = member.getKey();
                    a.storedIn = BigDecimal.ZERO.setScale(2);
                    a.storedOut = BigDecimal.ZERO.setScale(2);
                    em.persist(a);
                }
                for (Movement movement : member.getValue()) {
                    Moved m = movement.moved();
                    Event event = movement.event();
                    BigDecimal delta = nz(m.principalDelta).add(nz(m.bonusDelta));
                    // Each event comes once (its delivery is claimed in this transaction). Ids are not commit order: a
                    // payment at another store (STORE accounts, locked apart) may commit after a later id, so an id at or
                    // below the last one seen is counted too, never skipped.
                    a.movements++;
                    if (delta.signum() >= 0) {
                        a.storedIn = a.storedIn.add(delta);
                    } else {
                        a.storedOut = a.storedOut.add(delta.negate());
                    }
                    a.lastEventId = Math.max(a.lastEventId, event.id());
                    a.lastMovementAt = event.createdAt();
                }
            }
            em.flush();
        });
    }

    private record Movement(Event event, Moved moved) {
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
