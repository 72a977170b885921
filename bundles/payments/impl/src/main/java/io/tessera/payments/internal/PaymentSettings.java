package io.tessera.payments.internal;

import io.tessera.platform.api.PaymentMethod;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The checkout rules from {@code etc/io.tessera.payments.cfg}, applied to the next call as soon as the file changes. */
@Component(service = PaymentSettings.class, configurationPid = "io.tessera.payments")
@Designate(ocd = PaymentSettings.Config.class)
public class PaymentSettings {

    @ObjectClassDefinition(name = "Tessera payments")
    public @interface Config {
        @AttributeDefinition(description = "Tenders with which the member's level discount applies (comma-separated); an order gets it only if every tender is one of them")
        String level_discount_tenders() default "MEMBER";

        @AttributeDefinition(description = "Minutes an unpaid order stays open before the platform closes it")
        int order_expiry_minutes() default 30;
    }

    /** The rules in force, read once per call. */
    public record Rules(Set<PaymentMethod> levelDiscountTenders, int orderExpiryMinutes) {
    }

    private volatile Rules rules = new Rules(EnumSet.of(PaymentMethod.MEMBER), 30);

    @Activate
    @Modified
    void configure(Config c) {
        Set<PaymentMethod> tenders = EnumSet.noneOf(PaymentMethod.class);
        for (String t : c.level_discount_tenders().split(",")) {
            if (!t.isBlank()) {
                tenders.add(PaymentMethod.valueOf(t.trim().toUpperCase()));
            }
        }
        rules = new Rules(Set.copyOf(tenders), c.order_expiry_minutes() > 0 ? c.order_expiry_minutes() : 30);
    }

    public Rules rules() {
        return rules;
    }
}
