package io.tessera.coupons.internal;

import io.tessera.coupons.api.CouponErrors;
import io.tessera.coupons.api.CouponState;
import io.tessera.coupons.internal.jpa.CouponEntity;
import io.tessera.coupons.internal.jpa.TemplateEntity;
import io.tessera.coupons.internal.rules.CouponPricing;
import io.tessera.coupons.internal.rules.Terms;
import io.tessera.payments.api.spi.Ask;
import io.tessera.payments.api.spi.Cart;
import io.tessera.payments.api.spi.DiscountCollaborator;
import io.tessera.payments.api.spi.Offer;
import io.tessera.payments.api.spi.RefundView;
import io.tessera.payments.api.spi.Reversal;
import io.tessera.payments.api.spi.Taken;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.events.EventPublisher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Coupons at checkout (the payments SPI, source COUPON, rank 10: after the member level discount, before
 * points). validate and price read only; reserve, commit, release and reverse join checkout's transaction
 * and are in {@link Redemptions}. Each refusal names the coupon, with a code of the coupons catalogue.
 */
@Component(service = DiscountCollaborator.class, property = {DiscountCollaborator.SOURCE + "=COUPON",
        DiscountCollaborator.RANK + ":Integer=10"})
public class CouponCollaborator implements DiscountCollaborator {

    private final JpaTemplate jpa;
    private final CouponSettings settings;
    private final Redemptions redemptions;

    @Activate
    public CouponCollaborator(@Reference(target = "(osgi.unit.name=tessera-coupons)") JpaTemplate jpa, @Reference CouponSettings settings,
                              @Reference EventPublisher events) {
        this.jpa = jpa;
        this.settings = settings;
        this.redemptions = new Redemptions(settings, events);
    }

    /** A coupon of the order with its template and terms, checked for this cart. */
    record Usable(CouponEntity coupon, TemplateEntity template, Terms terms) {
    }

    @Override
    public void validate(Cart cart, List<Ask> asks) {
        price(cart, asks);
    }

    @Override
    public List<Offer> price(Cart cart, List<Ask> asks) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<CouponPricing.Applied> applied = simulate(em, cart, usable(em, cart, asks, false));
            List<Offer> offers = new ArrayList<>();
            for (CouponPricing.Applied a : applied) {
                Offer o = new Offer();
                o.reference = a.coupon().couponNo();
                o.amount = Money.ofFen(a.amount());
                o.perLine = new ArrayList<>();
                for (long fen : a.perLine()) {
                    o.perLine.add(Money.ofFen(fen));
                }
                offers.add(o);
            }
            return offers;
        });
    }

    @Override
    public void reserve(String orderNo, Cart cart, List<Taken> taken) {
        jpa.tx(TransactionType.Mandatory, em -> {
            List<Usable> coupons = usable(em, cart, asksOf(taken), true);
            redemptions.reserve(em, orderNo, cart, coupons, simulate(em, cart, coupons), taken, who());
        });
    }

    @Override
    public void commit(String orderNo) {
        jpa.tx(TransactionType.Mandatory, em -> redemptions.commit(em, orderNo, who()));
    }

    @Override
    public void release(String orderNo) {
        jpa.tx(TransactionType.Mandatory, em -> redemptions.release(em, orderNo, "the order closed unpaid", who()));
    }

    @Override
    public List<Reversal> reverse(String orderNo, RefundView refund) {
        return jpa.txExpr(TransactionType.Mandatory, em -> redemptions.reverse(em, orderNo, refund, false, who()));
    }

    private static String who() {
        return CallerContext.find().map(io.tessera.platform.api.Caller::label).orElse("system:checkout");
    }

    private static List<CouponPricing.Applied> simulate(EntityManager em, Cart cart, List<Usable> coupons) {
        List<CouponPricing.Line> lines = new ArrayList<>();
        for (Cart.CartLine l : cart.lines) {
            lines.add(new CouponPricing.Line(l.sku, l.quantity, l.payable.toFen()));
        }
        return CouponPricing.price(lines, cart.levelDiscountApplied, coupons.stream().map(Usable::terms).toList());
    }

    private static List<Ask> asksOf(List<Taken> taken) {
        List<Ask> asks = new ArrayList<>();
        for (Taken t : taken) {
            asks.add(new Ask("COUPON", t.reference, null));
        }
        return asks;
    }

    /**
     * The asked coupons, each checked for this cart: a number, the member's own, usable now (state, dates),
     * in this store or format, where the order comes from. {@code reserving}: state RESERVED by this order counts as usable.
     */
    private List<Usable> usable(EntityManager em, Cart cart, List<Ask> asks, boolean reserving) {
        int max = settings.rules().maxCoupons();
        if (asks.size() > max) {
            throw CouponErrors.COUPON_TOO_MANY.at("discounts", "an order takes at most " + max + " coupons");
        }
        Set<String> seen = new HashSet<>();
        List<Usable> list = new ArrayList<>();
        LocalDate today = BusinessTime.today();
        for (Ask a : asks) {
            if (a.reference == null) {
                throw CouponErrors.COUPON_NO_INVALID.at("discounts", "a COUPON discount names the coupon's number (reference)");
            }
            if (!seen.add(a.reference)) {
                throw CouponErrors.COUPON_TOO_MANY.at("discounts", "coupon " + a.reference + " is named twice");
            }
            CouponEntity c = Coupons.find(em, a.reference, "discounts");
            TemplateEntity t = Templates.row(em, c.templateId);
            String no = "coupon " + c.no;
            if (cart.memberId == null) {
                throw CouponErrors.COUPON_MEMBER_REQUIRED.at("memberId", no + " is used on its owner's order: name the member");
            }
            if (c.memberId != cart.memberId) {
                throw CouponErrors.COUPON_NOT_OWNER.at("discounts", no + " is not this member's");
            }
            boolean ours = reserving && CouponState.RESERVED.name().equals(c.state) && cart.orderNo != null && cart.orderNo.equals(c.orderNo);
            if (!ours) {
                stateAllows(c, no);
            }
            if (c.validFrom.isAfter(today)) {
                throw CouponErrors.COUPON_NOT_YET_VALID.at("discounts", no + " is valid from " + c.validFrom);
            }
            if (c.validTo.isBefore(today)) {
                throw CouponErrors.COUPON_EXPIRED.at("discounts", no + " was valid until " + c.validTo);
            }
            Templates.Loaded loaded = Templates.load(em, t);
            if (!loaded.usableIn(cart.storeId, cart.formatCode)) {
                throw CouponErrors.COUPON_STORE_NOT_ALLOWED.at("discounts", no + " is not for this store");
            }
            if (!loaded.redeemableVia(cart.channel)) {
                throw CouponErrors.COUPON_CHANNEL_NOT_ALLOWED.at("discounts", no + " is not redeemed through " + cart.channel
                        + " (only " + t.channels + ")");
            }
            list.add(new Usable(c, t, loaded.terms(c.no)));
        }
        return list;
    }

    static void stateAllows(CouponEntity c, String no) {
        switch (CouponState.valueOf(c.state)) {
            case AVAILABLE -> {
            }
            case RESERVED -> throw CouponErrors.COUPON_ALREADY_RESERVED.at("discounts", no + " is held by another order");
            case USED -> throw CouponErrors.COUPON_ALREADY_USED.at("discounts", no + " is used already");
            case EXPIRED -> throw CouponErrors.COUPON_EXPIRED.at("discounts", no + " was valid until " + c.validTo);
            case VOID -> throw CouponErrors.COUPON_VOID.at("discounts", no + " was voided");
        }
    }
}
