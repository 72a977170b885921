package io.tessera.points.internal;

import io.tessera.members.api.MemberEvents;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.events.Event;
import io.tessera.platform.api.events.EventConsumer;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.api.work.UnitOfWork;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Consumer "points.activities": the REGISTER activity when a member registers, the RECHARGE activity when
 * stored value is recharged, and its points taken back when the recharge is reversed (read from the wallets' journal
 * rows, without depending on the wallets' bundles).
 * Once each, by the earning's unique key.
 */
@Component(service = EventConsumer.class, property = {EventConsumer.NAME + "=points.activities",
        EventConsumer.TOPICS + "=" + MemberEvents.REGISTERED + "," + PointsActivities.RECHARGE + "," + PointsActivities.REVERSAL})
public class PointsActivities implements EventConsumer {

    static final String RECHARGE = "wallets.recharge";
    static final String REVERSAL = "wallets.reversal";

    private final JpaTemplate jpa;
    private final Earnings earnings;

    /** What points read of a member's registration. */
    public static class Registration {
        public Long memberId;
        public Long storeId;
    }

    /** What points read of a wallets journal row. */
    public static class WalletEntry {
        public Long id;
        public Long memberId;
        public Long storeId;
        public Money principalDelta;
        /** A reversal: the recharge row it undoes. */
        public Long relatedEntryId;
    }

    @Activate
    public PointsActivities(@Reference(target = "(osgi.unit.name=tessera-points)") JpaTemplate jpa, @Reference PointsSettings settings,
                            @Reference EventPublisher events, @Reference UnitOfWork work, @Reference MemberService members, @Reference OrgService org) {
        this.jpa = jpa;
        this.earnings = new Earnings(new PointsPostings(events), new Accounts(jpa, work, settings), settings, members, org);
    }

    @Override
    public void consume(Event event) {
        jpa.tx(TransactionType.Mandatory, em -> {
            if (MemberEvents.REGISTERED.equals(event.topic())) {
                Registration r = event.payload(Registration.class);
                if (r.memberId != null && r.storeId != null) {
                    earnings.registered(em, r.memberId, r.storeId);
                }
            } else if (RECHARGE.equals(event.topic())) {
                WalletEntry w = event.payload(WalletEntry.class);
                if (w.id != null && w.memberId != null && w.storeId != null && w.principalDelta != null && w.principalDelta.isPositive()) {
                    earnings.recharged(em, w.memberId, w.id, w.storeId, w.principalDelta);
                }
            } else if (REVERSAL.equals(event.topic())) {
                WalletEntry w = event.payload(WalletEntry.class);
                if (w.id != null && w.relatedEntryId != null) {
                    earnings.rechargeReversed(em, w.id, w.relatedEntryId, w.storeId == null ? 0 : w.storeId);
                }
            }
        });
    }
}
