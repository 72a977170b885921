package io.tessera.marketing.internal;

import io.tessera.marketing.api.RewardRole;
import io.tessera.marketing.internal.jpa.ActivityEntity;
import io.tessera.marketing.internal.jpa.PayerEntity;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberEnrolment;
import io.tessera.members.api.MemberService;
import io.tessera.payments.api.spi.PayerMembers;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.work.UnitOfWork;
import java.time.LocalDateTime;
import java.util.List;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Pay-to-become-member (支付即会员) for checkout, in the transaction that marks a sale PAID: a payer the channel named
 * who became a member before is that member again (while their card is not returned); otherwise the newest
 * PAY_TO_JOIN activity running for the store whose budget can be taken ({@link Occasions}) enrols them (members'
 * {@link MemberEnrolment}: channel PAY, no phone), links the payer to the member (MKT_PAYER, unique per channel and
 * payer) and writes its rewards as intents (source "payjoin:&lt;orderNo&gt;"). No running activity: the sale stays
 * without a member. The payer id is never logged.
 */
@Component(service = PayerMembers.class)
public class MarketingPayerMembers implements PayerMembers {

    private final JpaTemplate jpa;
    private final Occasions occasions;
    private final MemberEnrolment enrolment;
    private final MemberService members;

    @Activate
    public MarketingPayerMembers(@Reference(target = "(osgi.unit.name=tessera-marketing)") JpaTemplate jpa, @Reference UnitOfWork work,
                                 @Reference MemberEnrolment enrolment, @Reference MemberService members) {
        this.jpa = jpa;
        this.occasions = new Occasions(jpa, work);
        this.enrolment = enrolment;
        this.members = members;
    }

    @Override
    public Long memberFor(Payer p) {
        if (p == null || p.payerId == null || p.payerId.isBlank() || p.channel == null) {
            return null;
        }
        return jpa.txExpr(TransactionType.Mandatory, em -> {
            List<PayerEntity> linked = em.createQuery("SELECT x FROM PayerEntity x WHERE x.channel = :c AND x.payerId = :p", PayerEntity.class)
                    .setParameter("c", p.channel.name()).setParameter("p", p.payerId).getResultList();
            if (!linked.isEmpty()) {
                return members.lookup(linked.get(0).memberId).filter(m -> m.status == Member.Status.ACTIVE).map(m -> m.id).orElse(null);
            }
            LocalDateTime now = BusinessTime.now();
            List<ActivityEntity> running = em.createQuery("SELECT a FROM ActivityEntity a WHERE a.type = 'PAY_TO_JOIN' AND a.status = 'ACTIVE'"
                    + " AND a.startsAt <= :now AND a.endsAt > :now ORDER BY a.id DESC", ActivityEntity.class).setParameter("now", now).getResultList();
            for (Activities.Loaded l : Activities.withParts(em, running)) {
                if (occasions.take(em, l, p.storeId) == null) {
                    return enrol(em, l, p, now);
                }
            }
            return null;
        });
    }

    private Long enrol(EntityManager em, Activities.Loaded l, Payer p, LocalDateTime now) {
        Member m = enrolment.enrolPayer(p.storeId, p.channel == PaymentMethod.ALIPAY ? "支付宝会员" : "微信会员");
        PayerEntity link = new PayerEntity();
        link.channel = p.channel.name();
        link.payerId = p.payerId;
        link.memberId = m.id;
        link.activityId = l.activity().id;
        link.storeId = p.storeId;
        link.orderNo = p.orderNo;
        link.createdAt = now;
        em.persist(link);
        em.flush();
        occasions.intents(em, l, RewardRole.RECIPIENT, m.id, p.storeId, "payjoin:" + m.id, "payjoin:" + p.orderNo);
        return m.id;
    }
}
