package io.tessera.coupons.internal;

import io.tessera.coupons.api.CouponFeed;
import io.tessera.coupons.internal.jpa.CouponEntity;
import io.tessera.coupons.internal.jpa.RedemptionEntity;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.TesseraException;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The coupons and the redemptions by id, one query per call. */
@Component(service = CouponFeed.class)
public class CouponFeedImpl implements CouponFeed {

    private final JpaTemplate jpa;

    @Activate
    public CouponFeedImpl(@Reference(target = "(osgi.unit.name=tessera-coupons)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public List<Issued> issued(long afterId, int limit) {
        check(limit);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT c FROM CouponEntity c WHERE c.id > :a ORDER BY c.id",
                CouponEntity.class).setParameter("a", afterId).setMaxResults(limit).getResultList().stream().map(c -> {
                    Issued i = new Issued();
                    i.id = c.id;
                    i.couponNo = c.no;
                    i.templateId = c.templateId;
                    i.storeId = c.issueStoreId;
                    i.issueType = c.issueType;
                    i.claimedAt = BusinessTime.offset(c.claimedAt);
                    return i;
                }).toList());
    }

    @Override
    public List<Redeemed> redemptions(long afterId, int limit) {
        check(limit);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT r FROM RedemptionEntity r WHERE r.id > :a "
                        + "AND r.state IN ('USED', 'RETURNED') ORDER BY r.id", RedemptionEntity.class).setParameter("a", afterId)
                .setMaxResults(limit).getResultList().stream().map(r -> {
                    Redeemed d = new Redeemed();
                    d.id = r.id;
                    d.couponNo = r.couponNo;
                    d.templateId = r.templateId;
                    d.orderNo = r.orderNo;
                    d.storeId = r.storeId;
                    d.memberId = r.memberId;
                    d.discount = Money.of(r.amount);
                    d.usedAt = BusinessTime.offset(r.usedAt);
                    d.returnedAt = r.returned && r.doneAt != null ? BusinessTime.offset(r.doneAt) : null;
                    return d;
                }).toList());
    }

    private static void check(int limit) {
        if (!CallerContext.current().seesAllStores()) {
            throw TesseraException.forbidden("the coupon feed is for callers that see every store");
        }
        if (limit < 1 || limit > MAX) {
            throw PlatformErrors.PARAM_INVALID.at("limit", "between 1 and " + MAX);
        }
    }
}
