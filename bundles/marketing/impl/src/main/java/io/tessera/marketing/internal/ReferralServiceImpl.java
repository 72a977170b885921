package io.tessera.marketing.internal;

import io.tessera.marketing.api.MarketingErrors;
import io.tessera.marketing.api.Referral;
import io.tessera.marketing.api.ReferralCode;
import io.tessera.marketing.api.ReferralService;
import io.tessera.marketing.api.ReferralState;
import io.tessera.marketing.api.Requests;
import io.tessera.marketing.internal.jpa.ReferralCodeEntity;
import io.tessera.marketing.internal.jpa.ReferralEntity;
import io.tessera.marketing.internal.rules.ReferralCodes;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberErrors;
import io.tessera.members.api.MemberService;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.DbErrors;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PagedQuery;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.work.UnitOfWork;
import java.util.Optional;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Referral codes and bindings through the API. A member's code and referrals are seen by whoever may see the
 * member (the members' rule); headquarters list every referral.
 */
@Component(service = ReferralService.class)
public class ReferralServiceImpl implements ReferralService {

    private final JpaTemplate jpa;
    private final UnitOfWork work;
    private final MemberService members;
    private final Referrals referrals;

    @Activate
    public ReferralServiceImpl(@Reference(target = "(osgi.unit.name=tessera-marketing)") JpaTemplate jpa, @Reference UnitOfWork work,
                               @Reference MemberService members, @Reference MarketingSettings settings) {
        this.jpa = jpa;
        this.work = work;
        this.members = members;
        this.referrals = new Referrals(members, new Occasions(jpa, work), settings);
    }

    @Override
    public ReferralCode code(long memberId) {
        Member m = members.get(memberId);
        if (m.status != Member.Status.ACTIVE) {
            throw MemberErrors.MEMBER_RETURNED.at("memberId", "the member's card was returned");
        }
        ReferralCode out = new ReferralCode();
        out.memberId = memberId;
        out.code = jpa.txExpr(TransactionType.Required, em -> find(em, memberId).map(c -> c.code).orElse(null));
        for (int attempt = 0; out.code == null && attempt < 5; attempt++) {
            try {
                // A new code of its own: two first asks at once keep one (the member's key), a code already taken is drawn again.
                jpa.tx(TransactionType.Required, em -> {
                    ReferralCodeEntity c = new ReferralCodeEntity();
                    c.memberId = memberId;
                    c.code = ReferralCodes.next();
                    c.createdAt = BusinessTime.now();
                    em.persist(c);
                    em.flush();
                });
            } catch (RuntimeException e) {
                if (!DbErrors.isUniqueViolation(e)) {
                    throw e;
                }
            }
            out.code = jpa.txExpr(TransactionType.Required, em -> find(em, memberId).map(c -> c.code).orElse(null));
        }
        if (out.code == null) {
            throw new IllegalStateException("no referral code could be drawn for member " + memberId);
        }
        return out;
    }

    @Override
    public Referral bind(Requests.Binding b, String idempotencyKey) {
        UnitOfWork.requireKey(idempotencyKey);
        Checks.required("body", b);
        long refereeId = Checks.required("refereeId", b.refereeId);
        String code = Checks.text("code", b.code, 20);
        Member referee = members.get(refereeId);
        if (referee.status != Member.Status.ACTIVE) {
            throw MemberErrors.MEMBER_RETURNED.at("refereeId", "the member's card was returned");
        }
        return work.run("marketing.referrals.bind", idempotencyKey, b, Referral.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            Referrals.Bound bound = referrals.bind(em, refereeId, referee.registeredStoreId, Referrals.local(referee), code, true);
            if (bound.refusal() != null) {
                String field = bound.refusal() == MarketingErrors.REFERRAL_ALREADY_REFERRED || bound.refusal() == MarketingErrors.REFERRAL_TOO_LATE
                        ? "refereeId" : "code";
                throw bound.refusal().at(field, bound.message());
            }
            return Referrals.dto(bound.referral());
        }));
    }

    @Override
    public Referral get(long refereeId) {
        members.get(refereeId);
        Referral out = jpa.txExpr(TransactionType.Required, em -> {
            ReferralEntity r = em.find(ReferralEntity.class, refereeId);
            if (r == null) {
                throw MarketingErrors.REFERRAL_NOT_FOUND.at("refereeId", "member " + refereeId + " named no referral code");
            }
            return Referrals.dto(r);
        });
        // Who referred, and their code, only to whoever may see the referrer too.
        if (out.referrerId != null && !visible(out.referrerId)) {
            out.referrerId = null;
            out.code = null;
        }
        return out;
    }

    private boolean visible(long memberId) {
        try {
            members.get(memberId);
            return true;
        } catch (TesseraException hidden) {
            return false;
        }
    }

    @Override
    public Page<Referral> list(Long referrerId, ReferralState state, int page, int size) {
        Caller caller = CallerContext.current();
        if (referrerId != null) {
            members.get(referrerId);
        } else if (!caller.hasRole(Role.HQ_ADMIN)) {
            Checks.required("referrerId", referrerId);
        }
        Page.check(page, size);
        return jpa.txExpr(TransactionType.Required, em -> {
            Page<ReferralEntity> p = PagedQuery.of("ReferralEntity", "r").filter(referrerId, "r.referrerId = :by", "by")
                    .filter(state == null ? null : state.name(), "r.state = :s", "s").page(em, ReferralEntity.class, "r.boundAt DESC", page, size);
            return new Page<>(p.getItems().stream().map(Referrals::dto).toList(), p.getPage(), p.getSize(), p.getTotal());
        });
    }

    private static Optional<ReferralCodeEntity> find(EntityManager em, long memberId) {
        return Optional.ofNullable(em.find(ReferralCodeEntity.class, memberId));
    }
}
