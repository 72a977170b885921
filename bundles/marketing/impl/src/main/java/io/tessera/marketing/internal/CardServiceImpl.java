package io.tessera.marketing.internal;

import io.tessera.marketing.api.CardTemplate;
import io.tessera.marketing.api.CardService;
import io.tessera.marketing.api.MarketingErrors;
import io.tessera.marketing.api.MemberCard;
import io.tessera.marketing.api.Requests;
import io.tessera.marketing.internal.jpa.CardEntity;
import io.tessera.marketing.internal.jpa.MemberCardEntity;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberErrors;
import io.tessera.members.api.MemberService;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.DbErrors;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.platform.api.events.EventPublisher;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Member cards: headquarters make one card per channel and name it (the name is locked by the first push: the
 * channels refuse a new title once a card is out); a store operator opens it for a member they may see. Opening and
 * every later change count a version and publish {@link CardEvents#CHANGED} in the same transaction; the push
 * consumer shows the card on its channel.
 */
@Component(service = CardService.class)
public class CardServiceImpl implements CardService {

    private static final String AUDITED = "marketing-card";

    private final JpaTemplate jpa;
    private final AuditService audit;
    private final MemberService members;
    private final EventPublisher events;
    private final CardChannels channels;

    @Activate
    public CardServiceImpl(@Reference(target = "(osgi.unit.name=tessera-marketing)") JpaTemplate jpa, @Reference AuditService audit,
                           @Reference MemberService members, @Reference EventPublisher events, @Reference CardChannels channels) {
        this.jpa = jpa;
        this.audit = audit;
        this.members = members;
        this.events = events;
        this.channels = channels;
    }

    @Override
    public CardTemplate create(Requests.CardRequest r) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        Checks.required("body", r);
        String channel = Checks.text("channel", r.channel, 30);
        String name = Checks.text("name", r.name, 30);
        if (channels.get(channel).isEmpty()) {
            throw MarketingErrors.CARD_CHANNEL_NOT_AVAILABLE.at("channel", "no card channel " + channel + " is installed (installed: "
                    + channels.names() + ")");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            if (!em.createQuery("SELECT c.id FROM CardEntity c WHERE c.channel = :c", Long.class).setParameter("c", channel).getResultList().isEmpty()) {
                throw MarketingErrors.CARD_EXISTS.at("channel", "channel " + channel + " has a card already");
            }
            CardEntity c = new CardEntity();
            c.channel = channel;
            c.name = name;
            c.version = 1;
            c.createdBy = CallerContext.current().label();
            c.createdAt = BusinessTime.now();
            em.persist(c);
            try {
                em.flush();
            } catch (PersistenceException e) {
                throw MarketingErrors.CARD_EXISTS.at("channel", "channel " + channel + " has a card already");
            }
            CardTemplate out = dto(em, c);
            audit.record("marketing-card.create", AUDITED, String.valueOf(c.id), null, null, out);
            return out;
        });
    }

    @Override
    public CardTemplate update(long id, Requests.CardRequest r) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        Checks.required("body", r);
        String channel = Checks.text("channel", r.channel, 30);
        String name = Checks.text("name", r.name, 30);
        return jpa.txExpr(TransactionType.Required, em -> {
            CardEntity c = find(em, id);
            em.lock(c, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(c);
            if (!c.channel.equals(channel)) {
                throw MarketingErrors.CARD_INVALID.at("channel", "a card stays on its channel (" + c.channel + ")");
            }
            if (c.name.equals(name)) {
                return dto(em, c);
            }
            if (c.firstPushAt != null) {
                throw MarketingErrors.CARD_NAME_LOCKED.at("name", "card " + id + " has been shown on " + c.channel + " since " + c.firstPushAt
                        + ": its name no longer changes");
            }
            CardTemplate before = dto(em, c);
            c.name = name;
            c.version++;
            CardTemplate after = dto(em, c);
            audit.record("marketing-card.update", AUDITED, String.valueOf(id), null, before, after);
            return after;
        });
    }

    @Override
    public CardTemplate get(long id) {
        return jpa.txExpr(TransactionType.Required, em -> dto(em, find(em, id)));
    }

    @Override
    public List<CardTemplate> list() {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("SELECT c FROM CardEntity c ORDER BY c.id", CardEntity.class)
                .getResultList().stream().map(c -> dto(em, c)).toList());
    }

    @Override
    public MemberCard open(long cardId, long memberId) {
        Member m = members.get(memberId);
        if (m.status != Member.Status.ACTIVE) {
            throw MemberErrors.MEMBER_RETURNED.error("the member's card was returned");
        }
        jpa.txExpr(TransactionType.Required, em -> find(em, cardId));
        // The row first, in a transaction of its own (two tills opening the same card at once make one: the other's
        // unique violation says it is there), then opened under its lock.
        try {
            jpa.tx(TransactionType.Required, em -> {
                if (row(em, cardId, memberId) == null) {
                    MemberCardEntity x = new MemberCardEntity();
                    x.cardId = cardId;
                    x.memberId = memberId;
                    x.code = m.memberNo;
                    em.persist(x);
                    em.flush();
                }
            });
        } catch (RuntimeException e) {
            if (!DbErrors.isUniqueViolation(e)) {
                throw e;
            }
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            MemberCardEntity x = locked(em, cardId, memberId);
            if (x.version == 0) {
                x.openedAt = BusinessTime.now();
                changed(em, x);
                audit.record("marketing-card.open", AUDITED, String.valueOf(cardId), m.registeredStoreId, null, dto(x));
            }
            return dto(x);
        });
    }

    @Override
    public MemberCard memberCard(long cardId, long memberId) {
        members.get(memberId);
        return jpa.txExpr(TransactionType.Required, em -> {
            MemberCardEntity x = row(em, cardId, memberId);
            if (x == null || x.version == 0) {
                throw MarketingErrors.MEMBER_CARD_NOT_FOUND.error("member " + memberId + " has not opened card " + cardId);
            }
            return dto(x);
        });
    }

    @Override
    public MemberCard push(long cardId, long memberId) {
        members.get(memberId);
        return jpa.txExpr(TransactionType.Required, em -> {
            MemberCardEntity x = locked(em, cardId, memberId);
            if (x.version == 0) {
                throw MarketingErrors.MEMBER_CARD_NOT_FOUND.error("member " + memberId + " has not opened card " + cardId);
            }
            changed(em, x);
            return dto(x);
        });
    }

    /** One more version of the member's card, and its push, in the caller's transaction. */
    void changed(EntityManager em, MemberCardEntity x) {
        x.version++;
        em.flush();
        publish(events, x);
    }

    static void publish(EventPublisher events, MemberCardEntity x) {
        CardEvents.Changed c = new CardEvents.Changed();
        c.memberCardId = x.id;
        c.version = x.version;
        events.publish(CardEvents.CHANGED, "member:" + x.memberId, c);
    }

    private static CardEntity find(EntityManager em, long id) {
        CardEntity c = em.find(CardEntity.class, id);
        if (c == null) {
            throw MarketingErrors.CARD_NOT_FOUND.error("no card " + id);
        }
        return c;
    }

    private static MemberCardEntity row(EntityManager em, long cardId, long memberId) {
        return em.createQuery("SELECT x FROM MemberCardEntity x WHERE x.cardId = :c AND x.memberId = :m", MemberCardEntity.class)
                .setParameter("c", cardId).setParameter("m", memberId).getResultList().stream().findFirst().orElse(null);
    }

    private static MemberCardEntity locked(EntityManager em, long cardId, long memberId) {
        MemberCardEntity x = row(em, cardId, memberId);
        if (x == null) {
            throw MarketingErrors.MEMBER_CARD_NOT_FOUND.error("member " + memberId + " has not opened card " + cardId);
        }
        em.lock(x, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(x);
        return x;
    }

    private static CardTemplate dto(EntityManager em, CardEntity c) {
        CardTemplate d = new CardTemplate();
        d.id = c.id;
        d.channel = c.channel;
        d.name = c.name;
        d.members = em.createQuery("SELECT COUNT(x) FROM MemberCardEntity x WHERE x.cardId = :c AND x.version > 0", Long.class)
                .setParameter("c", c.id).getSingleResult();
        d.firstPushAt = BusinessTime.offset(c.firstPushAt);
        d.version = c.version;
        d.createdAt = BusinessTime.offset(c.createdAt);
        return d;
    }

    static MemberCard dto(MemberCardEntity x) {
        MemberCard d = new MemberCard();
        d.cardId = x.cardId;
        d.memberId = x.memberId;
        d.cardCode = x.code;
        d.version = x.version;
        d.pushedVersion = x.pushedVersion;
        d.pushedAt = BusinessTime.offset(x.pushedAt);
        d.openedAt = BusinessTime.offset(x.openedAt);
        return d;
    }
}
