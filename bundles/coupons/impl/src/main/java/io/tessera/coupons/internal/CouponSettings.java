package io.tessera.coupons.internal;

import io.tessera.coupons.internal.rules.RefundRule;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The coupon rules from {@code etc/io.tessera.coupons.cfg}, applied to the next call as soon as the file changes. */
@Component(service = CouponSettings.class, configurationPid = "io.tessera.coupons")
@Designate(ocd = CouponSettings.Config.class)
public class CouponSettings {

    @ObjectClassDefinition(name = "Tessera coupons")
    public @interface Config {
        @AttributeDefinition(description = "A refund that gives back everything a coupon applied to: RESTORE the coupon (AVAILABLE, or EXPIRED past its validity) or KEEP it used")
        String refund_full() default "RESTORE";

        @AttributeDefinition(description = "A partial refund after which the kept goods no longer reach the coupon's minimum spend: CLAW_BACK the coupon's discount on the kept goods from the refund, or KEEP")
        String refund_partial_belowMinimum() default "CLAW_BACK";

        @AttributeDefinition(description = "After a claw-back, whether the coupon is given back to the member")
        boolean refund_clawBack_returnCoupon() default true;

        @AttributeDefinition(description = "A claw-back larger than the refund: WRITE_OFF the rest (noted on the refund) or REFUSE the refund")
        String refund_shortfall() default "WRITE_OFF";

        @AttributeDefinition(description = "Most coupons one order takes")
        int order_maxCoupons() default 5;
    }

    /** The rules in force. */
    public record Rules(RefundRule.Settings refund, int maxCoupons) {
    }

    private volatile Rules rules = new Rules(new RefundRule.Settings(true, true, true, false), 5);

    @Activate
    @Modified
    void configure(Config c) {
        rules = new Rules(new RefundRule.Settings(!"KEEP".equalsIgnoreCase(c.refund_full().trim()),
                !"KEEP".equalsIgnoreCase(c.refund_partial_belowMinimum().trim()), c.refund_clawBack_returnCoupon(),
                "REFUSE".equalsIgnoreCase(c.refund_shortfall().trim())), Math.max(1, c.order_maxCoupons()));
    }

    public Rules rules() {
        return rules;
    }
}
