package io.tessera.marketing.internal;

import io.tessera.marketing.api.RewardKind;
import io.tessera.marketing.api.RewardRole;
import io.tessera.marketing.internal.jpa.ActivityEntity;
import io.tessera.marketing.internal.rules.RechargeTiers;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.work.UnitOfWork;
import io.tessera.wallets.api.RechargePromotions;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Recharge promotions (充值有礼) for the wallets: in the recharge's transaction, the best RECHARGE activity that
 * applies ({@link RechargeTiers}) whose budget and member limit can be taken ({@link Occasions}) makes the offer;
 * once the recharge's journal row is written its rewards are recorded by {@link Occasions#intents} (source
 * "recharge:&lt;entryId&gt;"): the bonus DONE, its coupons and points PENDING, given after commit by the delivery task. A refusal is no offer:
 * nothing here throws for one, so a recharge never fails for a promotion.
 */
@Component(service = RechargePromotions.class)
public class MarketingRechargePromotions implements RechargePromotions {

    private final JpaTemplate jpa;
    private final Occasions occasions;

    @Activate
    public MarketingRechargePromotions(@Reference(target = "(osgi.unit.name=tessera-marketing)") JpaTemplate jpa, @Reference UnitOfWork work) {
        this.jpa = jpa;
        this.occasions = new Occasions(jpa, work);
    }

    @Override
    public Offer offer(Recharge r) {
        return jpa.txExpr(TransactionType.Mandatory, em -> {
            LocalDateTime now = BusinessTime.now();
            List<ActivityEntity> running = em.createQuery("SELECT a FROM ActivityEntity a WHERE a.type = 'RECHARGE' AND a.status = 'ACTIVE'"
                    + " AND a.startsAt <= :now AND a.endsAt > :now AND a.rechargeFrom <= :amount", ActivityEntity.class).setParameter("now", now)
                    .setParameter("amount", r.amount.toBigDecimal()).getResultList();
            Map<Long, Activities.Loaded> byId = new HashMap<>();
            for (Activities.Loaded l : Activities.withParts(em, running)) {
                byId.put(l.activity().id, l);
            }
            List<RechargeTiers.Tier> tiers = byId.values().stream().map(MarketingRechargePromotions::tier).toList();
            for (RechargeTiers.Tier t : RechargeTiers.applicable(tiers, r.storeId, r.levelId, r.amount, now)) {
                Activities.Loaded l = byId.get(t.activityId());
                if (occasions.take(em, l, r.storeId) != null) {
                    continue;
                }
                if (!occasions.countMember(em, l, r.memberId)) {
                    // The member has had this one as often as it allows: its budget goes back, a lower tier may still apply.
                    em.createQuery("UPDATE ActivityEntity a SET a.used = a.used - 1 WHERE a.id = :id").setParameter("id", t.activityId())
                            .executeUpdate();
                    continue;
                }
                Offer o = new Offer();
                o.activityId = t.activityId();
                o.activityName = l.activity().name;
                o.bonus = t.bonus();
                o.recharge = r;
                return o;
            }
            return null;
        });
    }

    @Override
    public void posted(Offer o, long entryId) {
        jpa.tx(TransactionType.Mandatory, em -> {
            Activities.Loaded l = Activities.load(em, Activities.find(em, o.activityId));
            String source = "recharge:" + entryId;
            occasions.intents(em, l, RewardRole.RECIPIENT, o.recharge.memberId, o.recharge.storeId, source, source);
        });
    }

    private static RechargeTiers.Tier tier(Activities.Loaded l) {
        Money bonus = l.rewards().stream().filter(s -> RewardKind.BONUS.name().equals(s.kind)).map(s -> Money.of(s.amount)).findFirst()
                .orElse(Money.ZERO);
        return new RechargeTiers.Tier(l.activity().id, l.terms(), l.levelIds(), Money.of(l.activity().rechargeFrom), bonus);
    }
}
