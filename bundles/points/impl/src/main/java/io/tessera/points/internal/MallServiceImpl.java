package io.tessera.points.internal;

import io.tessera.coupons.api.Coupon;
import io.tessera.coupons.api.CouponIssuer;
import io.tessera.coupons.api.CouponTemplate;
import io.tessera.coupons.api.CouponTemplateService;
import io.tessera.coupons.api.TemplateQuery;
import io.tessera.coupons.api.TemplateStatus;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberErrors;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.api.work.UnitOfWork;
import io.tessera.points.api.EntryType;
import io.tessera.points.api.Exchange;
import io.tessera.points.api.MallItem;
import io.tessera.points.api.PointsErrors;
import io.tessera.points.api.PointsMallService;
import io.tessera.points.api.Requests;
import io.tessera.points.internal.jpa.AccountEntity;
import io.tessera.points.internal.jpa.ExchangeEntity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The points mall: the coupons domain's exchangeable templates with their price, and exchanges. An exchange is one
 * unit of work: the points leave the lots that expire first (EXCHANGE) and the coupon is issued through the
 * coupons' participant API in the same transaction — out of stock, over a limit, a price changed meanwhile: the
 * coupons' refusal rolls back the points too. The coupons domain is an optional, dynamic reference: without it the
 * mall answers 503 and the rest of points goes on.
 */
@Component(service = PointsMallService.class)
public class MallServiceImpl implements PointsMallService {

    private final JpaTemplate jpa;
    private final MemberService members;
    private final OrgService org;
    private final UnitOfWork work;
    private final PointsPostings postings;
    private final Accounts accounts;
    private final Spends spends;
    private final PointsSettings settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CouponIssuer issuer;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CouponTemplateService templates;

    @Activate
    public MallServiceImpl(@Reference(target = "(osgi.unit.name=tessera-points)") JpaTemplate jpa, @Reference MemberService members,
                           @Reference OrgService org, @Reference UnitOfWork work, @Reference PointsSettings settings,
                           @Reference EventPublisher events) {
        this.jpa = jpa;
        this.members = members;
        this.org = org;
        this.work = work;
        this.settings = settings;
        this.postings = new PointsPostings(events);
        this.accounts = new Accounts(jpa, work, settings);
        this.spends = new Spends(postings, accounts, settings, members);
    }

    @Override
    public List<MallItem> items(long memberId, Long storeId) {
        CouponTemplateService t = templates();
        Member member = member(memberId);
        long store = storeId == null ? 0 : org.actingStore(storeId).id;
        long spendable = jpa.txExpr(TransactionType.Required, em -> spends.spendable(em, member.id, store)[0]);
        List<MallItem> items = new ArrayList<>();
        TemplateQuery q = new TemplateQuery();
        q.status = TemplateStatus.ACTIVE;
        q.pointsExchangeable = Boolean.TRUE;
        q.storeId = storeId;
        q.size = 200;
        for (CouponTemplate c : t.list(q).getItems()) {
            if (c.pointsPrice == null) {
                continue;
            }
            MallItem i = new MallItem();
            i.templateId = c.id;
            i.name = c.name;
            i.description = c.description;
            i.kind = c.kind.name();
            i.value = c.value;
            i.minSpend = c.minSpend;
            i.pointsPrice = c.pointsPrice;
            i.stockLeft = c.stock == null ? null : Math.max(0, c.stock - c.issued);
            i.affordable = spendable >= c.pointsPrice && (i.stockLeft == null || i.stockLeft > 0);
            items.add(i);
        }
        return items;
    }

    @Override
    public Exchange exchange(Requests.Exchange r, String key) {
        Caller caller = CallerContext.current();
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        long templateId = Checks.required("templateId", r.templateId);
        long price = Checks.required("pointsPrice", r.pointsPrice);
        if (price <= 0) {
            throw PointsErrors.POINTS_QUANTITY_INVALID.at("pointsPrice", "the price shown: more than 0 points");
        }
        Member member = member(Checks.required("memberId", r.memberId));
        if (member.status != Member.Status.ACTIVE) {
            throw MemberErrors.MEMBER_RETURNED.at("memberId", "the member's card was returned");
        }
        if (r.storeId == null && (!caller.seesAllStores() || settings.program().mode() == PointsSettings.Mode.STORE)) {
            throw TesseraException.required("storeId");
        }
        Long storeId = r.storeId == null ? null : org.actingStore(r.storeId).id;
        CouponIssuer coupons = issuer();
        String exchangeNo = exchangeNo(caller, key);
        return work.run("points.exchange", key, r, Exchange.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            List<ExchangeEntity> earlier = em.createQuery("SELECT x FROM ExchangeEntity x WHERE x.exchangeNo = :n", ExchangeEntity.class)
                    .setParameter("n", exchangeNo).getResultList();
            if (!earlier.isEmpty()) {
                return dto(earlier.get(0), availableAfter(em, earlier.get(0).journalId));
            }
            AccountEntity a = postings.lock(em, accounts.ensure(em, member, accounts.scopeOf(storeId == null ? 0 : storeId)));
            PointsPostings.Debit d = postings.debit(em, a, new PointsPostings.Note(EntryType.EXCHANGE, storeId == null ? 0 : storeId, exchangeNo,
                    "coupon template " + templateId), price);
            Coupon coupon = coupons.issueForPoints(templateId, member.id, exchangeNo, price, storeId);
            ExchangeEntity x = new ExchangeEntity();
            x.exchangeNo = exchangeNo;
            x.memberId = member.id;
            x.accountId = a.id;
            x.templateId = templateId;
            x.points = price;
            x.couponNo = coupon.no;
            x.storeId = storeId;
            x.journalId = d.entry().id;
            x.operator = caller.label();
            x.createdAt = BusinessTime.now();
            em.persist(x);
            em.flush();
            return dto(x, a.available);
        }));
    }

    @Override
    public Page<Exchange> exchanges(long memberId, int page, int size) {
        Page.check(page, size);
        Member member = member(memberId);
        return jpa.txExpr(TransactionType.Required, em -> {
            long total = em.createQuery("SELECT COUNT(x) FROM ExchangeEntity x WHERE x.memberId = :m", Long.class).setParameter("m", member.id)
                    .getSingleResult();
            List<ExchangeEntity> rows = em.createQuery("SELECT x FROM ExchangeEntity x WHERE x.memberId = :m ORDER BY x.id DESC", ExchangeEntity.class)
                    .setParameter("m", member.id).setFirstResult(Page.offset(page, size)).setMaxResults(size).getResultList();
            List<Exchange> out = new ArrayList<>();
            for (ExchangeEntity x : rows) {
                out.add(dto(x, availableAfter(em, x.journalId)));
            }
            return new Page<>(out, page, size, total);
        });
    }

    /** A member the caller may act for: store-level callers, members registered at their stores or with points there. */
    private Member member(long memberId) {
        Caller caller = CallerContext.current();
        Member m = members.lookup(memberId).orElseThrow(() -> MemberErrors.MEMBER_NOT_FOUND.error("no such member"));
        if (!caller.seesAllStores() && (m.registeredStoreId == null || !caller.canAccessStore(m.registeredStoreId))) {
            boolean seen = jpa.txExpr(TransactionType.Required, em -> Accounts.ofMember(em, m.id).stream().anyMatch(a -> Accounts.sees(caller, a)));
            if (!seen) {
                throw MemberErrors.MEMBER_NOT_FOUND.error("no such member");
            }
        }
        return m;
    }

    private static long availableAfter(javax.persistence.EntityManager em, long journalId) {
        return em.createQuery("SELECT j.availableAfter FROM JournalEntity j WHERE j.id = :j", Long.class).setParameter("j", journalId).getSingleResult();
    }

    /** The same caller and key make the same number: a retry names the exchange it repeats. */
    static String exchangeNo(Caller caller, String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((caller.identity() + "|" + key).getBytes(StandardCharsets.UTF_8));
            return "X" + HexFormat.of().withUpperCase().formatHex(h).substring(0, 23);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private CouponIssuer issuer() {
        CouponIssuer i = issuer;
        if (i == null) {
            throw PointsErrors.POINTS_MALL_NOT_AVAILABLE.error("the points mall needs the coupons domain, which is not installed");
        }
        return i;
    }

    private CouponTemplateService templates() {
        CouponTemplateService t = templates;
        if (t == null) {
            throw PointsErrors.POINTS_MALL_NOT_AVAILABLE.error("the points mall needs the coupons domain, which is not installed");
        }
        return t;
    }

    private static Exchange dto(ExchangeEntity x, long availableAfter) {
        Exchange e = new Exchange();
        e.exchangeNo = x.exchangeNo;
        e.memberId = x.memberId;
        e.templateId = x.templateId;
        e.points = x.points;
        e.couponNo = x.couponNo;
        e.storeId = x.storeId;
        e.entryId = x.journalId;
        e.availableAfter = availableAfter;
        e.createdAt = BusinessTime.offset(x.createdAt);
        return e;
    }
}
