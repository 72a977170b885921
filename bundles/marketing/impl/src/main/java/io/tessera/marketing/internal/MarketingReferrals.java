package io.tessera.marketing.internal;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberEvents;
import io.tessera.members.api.MemberService;
import io.tessera.payments.api.PaymentEvents;
import io.tessera.platform.api.events.Event;
import io.tessera.platform.api.events.EventConsumer;
import io.tessera.platform.api.work.UnitOfWork;
import java.util.Optional;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Consumer "marketing.referrals": a registration that names a referral code binds the referral (and rewards it
 * when the activity's trigger is REGISTER); a paid sale of a referee rewards a referral waiting for FIRST_PAYMENT.
 * The work joins the delivery's transaction and writes reward intents only (the delivery task gives them): an
 * event delivered twice finds its referral already bound or rewarded.
 */
@Component(service = EventConsumer.class, property = {EventConsumer.NAME + "=marketing.referrals",
        EventConsumer.TOPICS + "=" + MemberEvents.REGISTERED + "," + PaymentEvents.ORDER_PAID})
public class MarketingReferrals implements EventConsumer {

    private final JpaTemplate jpa;
    private final MemberService members;
    private final Referrals referrals;

    /** What marketing reads of a registration. */
    public static class Registration {
        public Long memberId;
        public Long storeId;
        public String referralCode;
    }

    /** What marketing reads of a paid order. */
    public static class PaidOrder {
        public String orderNo;
        public String kind;
        public Long memberId;
    }

    @Activate
    public MarketingReferrals(@Reference(target = "(osgi.unit.name=tessera-marketing)") JpaTemplate jpa, @Reference UnitOfWork work,
                              @Reference MemberService members, @Reference MarketingSettings settings) {
        this.jpa = jpa;
        this.members = members;
        this.referrals = new Referrals(members, new Occasions(jpa, work), settings);
    }

    @Override
    public void consume(Event event) {
        if (MemberEvents.REGISTERED.equals(event.topic())) {
            Registration r = event.payload(Registration.class);
            if (r.memberId == null || r.storeId == null || r.referralCode == null || r.referralCode.isBlank()) {
                return;
            }
            Optional<Member> referee = members.lookup(r.memberId);
            if (referee.isPresent()) {
                jpa.tx(TransactionType.Mandatory, em -> referrals.bind(em, r.memberId, r.storeId, Referrals.local(referee.get()), r.referralCode,
                        false));
            }
        } else if (PaymentEvents.ORDER_PAID.equals(event.topic())) {
            PaidOrder o = event.payload(PaidOrder.class);
            if (o.memberId != null && "SALE".equals(o.kind)) {
                jpa.tx(TransactionType.Mandatory, em -> referrals.paid(em, o.memberId, o.orderNo));
            }
        }
    }
}
