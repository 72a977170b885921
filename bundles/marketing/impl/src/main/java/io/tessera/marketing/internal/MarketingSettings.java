package io.tessera.marketing.internal;

import java.time.Duration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Marketing's settings from {@code etc/io.tessera.marketing.cfg}, applied as soon as the file changes. */
@Component(service = MarketingSettings.class, configurationPid = "io.tessera.marketing")
@Designate(ocd = MarketingSettings.Config.class)
public class MarketingSettings {

    private static final Logger LOG = LoggerFactory.getLogger(MarketingSettings.class);

    @ObjectClassDefinition(name = "Tessera marketing")
    public @interface Config {
        @AttributeDefinition(description = "Minutes after registering within which a new member may still name a referrer's code (1 to 43200)")
        int referral_bindMinutes() default 1440;

        @AttributeDefinition(description = "Attempts to deliver a reward while the domain that gives it is not installed, before it is refused (1 to 1000)")
        int rewards_maxAttempts() default 100;
    }

    private volatile Duration bindWindow = Duration.ofMinutes(1440);
    private volatile int maxAttempts = 100;

    @Activate
    @Modified
    void configure(Config c) {
        if (c.referral_bindMinutes() >= 1 && c.referral_bindMinutes() <= 43_200) {
            bindWindow = Duration.ofMinutes(c.referral_bindMinutes());
        } else {
            LOG.warn("referral.bindMinutes = {} is not 1 to 43200: keeping {} minutes", c.referral_bindMinutes(), bindWindow.toMinutes());
        }
        if (c.rewards_maxAttempts() >= 1 && c.rewards_maxAttempts() <= 1000) {
            maxAttempts = c.rewards_maxAttempts();
        } else {
            LOG.warn("rewards.maxAttempts = {} is not 1 to 1000: keeping {}", c.rewards_maxAttempts(), maxAttempts);
        }
    }

    Duration bindWindow() {
        return bindWindow;
    }

    int maxAttempts() {
        return maxAttempts;
    }
}
