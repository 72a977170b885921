package io.tessera.points.internal;

import io.tessera.members.api.MemberService;
import io.tessera.payments.api.spi.Ask;
import io.tessera.payments.api.spi.Cart;
import io.tessera.payments.api.spi.DiscountCollaborator;
import io.tessera.payments.api.spi.Offer;
import io.tessera.payments.api.spi.RefundView;
import io.tessera.payments.api.spi.Reversal;
import io.tessera.payments.api.spi.Taken;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.api.work.UnitOfWork;
import io.tessera.points.api.PointsErrors;
import io.tessera.points.internal.rules.TenderRule;
import java.util.ArrayList;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Points at checkout (source POINTS, rank 20: after the level discount and coupons). An order asks
 * {@code "discounts":[{"source":"POINTS","quantity":6000}]}: a member's order, a number of points worth whole fen,
 * at least {@code tender.minPoints}, worth at most {@code tender.maxShare} of what the order still costs, and no
 * more than the member can spend. Spent when the order is made ({@link Spends}), used when it is paid, given
 * back when it closes unpaid or is refunded.
 */
@Component(service = DiscountCollaborator.class, property = {DiscountCollaborator.SOURCE + "=POINTS",
        DiscountCollaborator.RANK + ":Integer=20"})
public class PointsCollaborator implements DiscountCollaborator {

    private final JpaTemplate jpa;
    private final PointsSettings settings;
    private final MemberService members;
    private final Spends spends;

    @Activate
    public PointsCollaborator(@Reference(target = "(osgi.unit.name=tessera-points)") JpaTemplate jpa, @Reference PointsSettings settings,
                              @Reference EventPublisher events, @Reference UnitOfWork work, @Reference MemberService members) {
        this.jpa = jpa;
        this.settings = settings;
        this.members = members;
        this.spends = new Spends(new PointsPostings(events), new Accounts(jpa, work, settings), settings, members);
    }

    @Override
    public void validate(Cart cart, List<Ask> asks) {
        TenderRule rule = settings.program().tender();
        if (!rule.enabled()) {
            throw PointsErrors.POINTS_TENDER_DISABLED.at("discounts", "points are not taken at checkout");
        }
        if (cart.memberId == null) {
            throw PointsErrors.POINTS_MEMBER_REQUIRED.at("memberId", "points are used on a member's order only");
        }
        if (asks.size() != 1) {
            throw PointsErrors.POINTS_QUANTITY_INVALID.at("discounts", "an order asks for points once");
        }
        Long points = asks.get(0).quantity;
        if (points == null || points <= 0) {
            throw PointsErrors.POINTS_QUANTITY_INVALID.at("discounts.quantity", "the points to use: a whole number more than 0");
        }
        long payable = 0;
        for (Cart.CartLine l : cart.lines) {
            payable += l.payable.toFen();
        }
        long cost = payable;
        long[] there = jpa.txExpr(TransactionType.Required, em -> spends.spendable(em, cart.memberId, cart.storeId));
        // Figures only for a caller who may see the member (as for the members themselves): no probing balances at the till.
        Caller caller = CallerContext.current();
        boolean sees = caller.seesAllStores() || members.lookup(cart.memberId).map(m -> m.registeredStoreId != null
                && caller.canAccessStore(m.registeredStoreId)).orElse(false);
        if (there[1] > 0) {
            throw PointsErrors.POINTS_ACCOUNT_IN_DEBT.at("discounts.quantity", sees ? "the member owes " + there[1]
                    + " points taken back after they were spent" : "the member owes points taken back after they were spent");
        }
        TenderRule.Refusal refusal = rule.check(points, cost, there[0]);
        if (refusal != null) {
            throw switch (refusal) {
                case NOT_WHOLE_FEN -> PointsErrors.POINTS_QUANTITY_INVALID.at("discounts.quantity", rule.pointsPerYuan()
                        + " points make 1.00: use a number of points worth whole fen");
                case BELOW_MINIMUM -> PointsErrors.POINTS_BELOW_MINIMUM.at("discounts.quantity", "at least " + rule.minPoints() + " points");
                case SHARE_EXCEEDED -> PointsErrors.POINTS_SHARE_EXCEEDED.at("discounts.quantity", "at most " + rule.maxPoints(cost)
                        + " points on this order (" + Money.ofFen(rule.maxFen(cost)) + ")");
                case INSUFFICIENT -> PointsErrors.POINTS_INSUFFICIENT.at("discounts.quantity", sees ? "the member has " + there[0]
                        + " spendable points, not " + points : "the member does not have " + points + " spendable points");
            };
        }
    }

    @Override
    public List<Offer> price(Cart cart, List<Ask> asks) {
        validate(cart, asks);
        long points = asks.get(0).quantity;
        Offer o = new Offer();
        o.reference = points + " points";
        o.quantity = points;
        o.amount = Money.ofFen(settings.program().tender().fen(points));
        List<Offer> offers = new ArrayList<>();
        offers.add(o);
        return offers;
    }

    @Override
    public void reserve(String orderNo, Cart cart, List<Taken> taken) {
        jpa.tx(TransactionType.Mandatory, em -> {
            for (Taken t : taken) {
                spends.reserve(em, orderNo, cart, t);
            }
        });
    }

    @Override
    public void commit(String orderNo) {
        jpa.tx(TransactionType.Mandatory, em -> spends.commit(em, orderNo));
    }

    @Override
    public void release(String orderNo) {
        jpa.tx(TransactionType.Mandatory, em -> spends.release(em, orderNo));
    }

    @Override
    public List<Reversal> reverse(String orderNo, RefundView refund) {
        return jpa.txExpr(TransactionType.Mandatory, em -> {
            Reversal r = spends.reverse(em, orderNo, refund, false);
            return r == null ? List.of() : List.of(r);
        });
    }
}
