package io.tessera.marketing.internal;

import io.tessera.marketing.api.MarketingErrors;
import io.tessera.marketing.api.spi.CardChannel;
import io.tessera.marketing.api.spi.CardPush;
import io.tessera.marketing.internal.jpa.CardEntity;
import io.tessera.marketing.internal.jpa.MemberCardEntity;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.events.Event;
import io.tessera.platform.api.events.EventConsumer;
import io.tessera.points.api.PointsAccount;
import io.tessera.points.api.PointsService;
import io.tessera.wallets.api.Account;
import io.tessera.wallets.api.BalanceQuery;
import io.tessera.wallets.api.WalletQueryService;
import java.time.LocalDateTime;
import javax.persistence.LockModeType;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Consumer "marketing.card-push": shows a member's card on its channel as it is now — the card's name, the member's
 * level, stored value (every account) and available points. A push older than the card's version is skipped (a
 * newer one follows); one the channel did not take (it threw, or the channel is not installed) rolls back and is
 * retried by the outbox (1 s, 2 s, 4 s ... FAILED after events' maxAttempts, then sent again by hand). The first push
 * of a card locks its name. A push the channel took whose commit then failed is pushed again: receivers keep the
 * highest version.
 */
@Component(service = EventConsumer.class, property = {EventConsumer.NAME + "=marketing.card-push",
        EventConsumer.TOPICS + "=" + CardEvents.CHANGED})
public class CardPusher implements EventConsumer {

    private final JpaTemplate jpa;
    private final CardChannels channels;
    private final MemberService members;
    private final WalletQueryService wallets;

    /** Points, when installed: a card shows none without them. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile PointsService points;

    @Activate
    public CardPusher(@Reference(target = "(osgi.unit.name=tessera-marketing)") JpaTemplate jpa, @Reference CardChannels channels,
                      @Reference MemberService members, @Reference WalletQueryService wallets) {
        this.jpa = jpa;
        this.channels = channels;
        this.members = members;
        this.wallets = wallets;
    }

    @Override
    public void consume(Event event) {
        CardEvents.Changed changed = event.payload(CardEvents.Changed.class);
        jpa.tx(TransactionType.Mandatory, em -> {
            MemberCardEntity x = em.find(MemberCardEntity.class, changed.memberCardId, LockModeType.PESSIMISTIC_WRITE);
            if (x == null || changed.version < x.version || x.pushedVersion >= changed.version) {
                return;
            }
            CardEntity card = em.find(CardEntity.class, x.cardId, LockModeType.PESSIMISTIC_WRITE);
            CardChannel channel = channels.get(card.channel).orElseThrow(() -> MarketingErrors.CARD_CHANNEL_NOT_AVAILABLE.error(
                    "card channel " + card.channel + " is not installed: the push waits"));
            channel.push(snapshot(event.id(), card, x));
            LocalDateTime now = BusinessTime.now();
            x.pushedVersion = x.version;
            x.pushedAt = now;
            if (card.firstPushAt == null) {
                card.firstPushAt = now;
            }
        });
    }

    private CardPush snapshot(long pushId, CardEntity card, MemberCardEntity x) {
        Member m = members.lookup(x.memberId).orElseThrow();
        CardPush p = new CardPush();
        p.pushId = pushId;
        p.cardId = card.id;
        p.cardName = card.name;
        p.memberId = m.id;
        p.memberNo = m.memberNo;
        p.cardCode = x.code;
        p.version = x.version;
        p.levelName = m.levelName;
        BalanceQuery q = new BalanceQuery();
        q.memberNo = m.memberNo;
        q.size = 200;
        Money balance = Money.ZERO;
        for (Account a : wallets.balances(q).getItems()) {
            balance = balance.plus(a.total);
        }
        p.balance = balance;
        PointsService pts = points;
        if (pts != null) {
            long available = 0;
            for (PointsAccount a : pts.accounts(m.id)) {
                available += a.available;
            }
            p.points = available;
        }
        p.at = BusinessTime.offset(BusinessTime.now());
        return p;
    }
}
