package io.tessera.points.internal;

import io.tessera.points.internal.rules.Expiry;
import io.tessera.points.internal.rules.TakeBackRule;
import io.tessera.points.internal.rules.TenderRule;
import java.math.BigDecimal;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The points program from {@code etc/io.tessera.points.cfg}, applied to the next earning, refund or expiry run
 * as soon as the file changes (lots already earned keep the expiry they were given).
 */
@Component(service = PointsSettings.class, configurationPid = "io.tessera.points")
@Designate(ocd = PointsSettings.Config.class)
public class PointsSettings {

    private static final Logger LOG = LoggerFactory.getLogger(PointsSettings.class);

    /** CHAIN: one account per member; STORE: one per member and store (points earned in a store are spent there). */
    public enum Mode { CHAIN, STORE }

    @ObjectClassDefinition(name = "Tessera points")
    public @interface Config {
        @AttributeDefinition(description = "CHAIN: one points account per member for the whole chain; STORE: one per member and store")
        String account_mode() default "CHAIN";

        @AttributeDefinition(description = "When earned points expire: NEVER, MONTHS (expiry.months after the day earned) or END_OF_FOLLOWING_YEAR")
        String expiry_policy() default "END_OF_FOLLOWING_YEAR";

        @AttributeDefinition(description = "MONTHS: how many months points stay valid (1 to 120)")
        int expiry_months() default 12;

        @AttributeDefinition(description = "Days after payment before an order's points can be spent (0: at once); a refund meanwhile takes them back first")
        int pending_days() default 0;

        @AttributeDefinition(description = "A refund of an order that earned points: take them back PROPORTIONAL to what was refunded, or NONE")
        String refund_takeBack() default "PROPORTIONAL";

        @AttributeDefinition(description = "Points to take back that were already spent: NEGATIVE (the account owes them; later earnings settle it) or SHORTFALL (written off and recorded)")
        String refund_whenSpent() default "NEGATIVE";

        @AttributeDefinition(description = "Whether members may pay part of an order with points at checkout")
        boolean tender_enabled() default true;

        @AttributeDefinition(description = "How many points make 1 yuan at checkout (1 to 10000)")
        int tender_pointsPerYuan() default 100;

        @AttributeDefinition(description = "The largest share of an order (after the level discount and coupons) points may pay, more than 0 and at most 1")
        String tender_maxShare() default "0.50";

        @AttributeDefinition(description = "The fewest points an order may use (0: any)")
        long tender_minPoints() default 0;
    }

    /** The program in force. */
    public record Program(Mode mode, Expiry.Policy expiry, int expiryMonths, int pendingDays, TakeBackRule.Policy takeBack,
                          TakeBackRule.WhenSpent whenSpent, TenderRule tender) {
    }

    private volatile Program program = new Program(Mode.CHAIN, Expiry.Policy.END_OF_FOLLOWING_YEAR, 12, 0, TakeBackRule.Policy.PROPORTIONAL,
            TakeBackRule.WhenSpent.NEGATIVE, new TenderRule(true, 100, new BigDecimal("0.50"), 0));

    @Activate
    @Modified
    void configure(Config c) {
        Program was = program;
        program = new Program(
                value(Mode.class, c.account_mode(), was.mode()),
                value(Expiry.Policy.class, c.expiry_policy(), was.expiry()),
                c.expiry_months() >= 1 && c.expiry_months() <= 120 ? c.expiry_months() : was.expiryMonths(),
                c.pending_days() >= 0 && c.pending_days() <= 90 ? c.pending_days() : was.pendingDays(),
                value(TakeBackRule.Policy.class, c.refund_takeBack(), was.takeBack()),
                value(TakeBackRule.WhenSpent.class, c.refund_whenSpent(), was.whenSpent()),
                tender(c, was.tender()));
    }

    private static TenderRule tender(Config c, TenderRule was) {
        BigDecimal share;
        try {
            share = new BigDecimal(c.tender_maxShare().trim());
        } catch (NumberFormatException e) {
            share = null;
        }
        if (share == null || share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0 || c.tender_pointsPerYuan() < 1
                || c.tender_pointsPerYuan() > 10_000 || c.tender_minPoints() < 0) {
            LOG.warn("etc/io.tessera.points.cfg: tender.pointsPerYuan is 1 to 10000, tender.maxShare more than 0 and at most 1, tender.minPoints"
                    + " not negative; keeping {}", was);
            return new TenderRule(c.tender_enabled(), was.pointsPerYuan(), was.maxShare(), was.minPoints());
        }
        return new TenderRule(c.tender_enabled(), c.tender_pointsPerYuan(), share, c.tender_minPoints());
    }

    public Program program() {
        return program;
    }

    /** The setting, or (with a warning naming it) what was in force: a typo in the file never stops points. */
    private static <E extends Enum<E>> E value(Class<E> type, String text, E was) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LOG.warn("etc/io.tessera.points.cfg: '{}' is not one of {}; keeping {}", text, java.util.Arrays.toString(type.getEnumConstants()), was);
            return was;
        }
    }
}
