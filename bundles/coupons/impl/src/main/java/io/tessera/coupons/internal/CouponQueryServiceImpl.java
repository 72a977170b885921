package io.tessera.coupons.internal;

import io.tessera.coupons.api.Coupon;
import io.tessera.coupons.api.CouponQuery;
import io.tessera.coupons.api.CouponQueryService;
import io.tessera.coupons.internal.jpa.CouponEntity;
import io.tessera.coupons.internal.jpa.TemplateEntity;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PagedQuery;
import java.util.HashMap;
import java.util.Map;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reading coupons: one with its history, or a member's (or a template's) page of them. Members are the chain's: any operator may look. */
@Component(service = CouponQueryService.class)
public class CouponQueryServiceImpl implements CouponQueryService {

    private final JpaTemplate jpa;

    @Activate
    public CouponQueryServiceImpl(@Reference(target = "(osgi.unit.name=tessera-coupons)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public Coupon get(String couponNo) {
        CallerContext.current();
        return jpa.txExpr(TransactionType.Supports, em -> Coupons.withHistory(em, Coupons.find(em, couponNo, "couponNo")));
    }

    @Override
    public Page<Coupon> list(CouponQuery q) {
        CallerContext.current();
        Page.check(q.page, q.size);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<Long, TemplateEntity> templates = new HashMap<>();
            return PagedQuery.of("CouponEntity", "c")
                    .filter(q.memberId, "c.memberId = :member", "member")
                    .filter(q.templateId, "c.templateId = :template", "template")
                    .filter(q.state == null ? null : q.state.name(), "c.state = :state", "state")
                    .page(em, CouponEntity.class, "c.id DESC", q.page, q.size)
                    .map(c -> Coupons.dto(c, templates.computeIfAbsent(c.templateId, id -> Templates.row(em, id))));
        });
    }
}
