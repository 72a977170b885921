package io.tessera.wallets.internal;

import io.tessera.wallets.api.WalletErrors;
import io.tessera.platform.api.Money;
import io.tessera.wallets.api.SplitPolicy;
import io.tessera.wallets.api.WalletMode;
import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The wallet rules from {@code etc/io.tessera.wallets.cfg}, applied to the next call as soon as the
 * file changes. Changing the mode moves no money: it only decides which account later calls use.
 */
@Component(service = WalletSettings.class, configurationPid = "io.tessera.wallets")
@Designate(ocd = WalletSettings.Config.class)
public class WalletSettings {

    @ObjectClassDefinition(name = "Tessera wallets")
    public @interface Config {
        @AttributeDefinition(description = "STORE (an account per store) or UNIFIED (one chain account)")
        String mode() default "STORE";

        @AttributeDefinition(description = "Per-format overrides, e.g. HEALTH_CENTER=UNIFIED,CLINIC=STORE")
        String format_modes() default "";

        @AttributeDefinition(description = "PROPORTIONAL, PRINCIPAL_FIRST or BONUS_FIRST")
        String split_policy() default "PROPORTIONAL";

        @AttributeDefinition(description = "Smallest recharge")
        String recharge_min() default "0.01";

        @AttributeDefinition(description = "Largest recharge; empty for no limit")
        String recharge_max() default "";

        @AttributeDefinition(description = "PRESTORED (the first recharge opens the account) or DIRECT (opened explicitly)")
        String account_opening() default "PRESTORED";

        @AttributeDefinition(description = "How long a stored-value hold (checkout authorisation) lasts unless captured or released, in minutes")
        int hold_minutes() default 30;
    }

    /** The rules in force, read once per call. */
    public record Rules(WalletMode mode, Map<String, WalletMode> formatModes, SplitPolicy split, Money rechargeMin,
                        Money rechargeMax, boolean prestored, int holdMinutes) {

        public WalletMode modeFor(String formatCode) {
            return formatModes.getOrDefault(formatCode, mode);
        }
    }

    private volatile Rules rules;

    @Activate
    @Modified
    void configure(Config c) {
        Map<String, WalletMode> overrides = new HashMap<>();
        for (String pair : c.format_modes().split(",")) {
            if (!pair.isBlank()) {
                String[] kv = pair.split("=");
                overrides.put(kv[0].trim().toUpperCase(), WalletMode.valueOf(kv[1].trim().toUpperCase()));
            }
        }
        rules = new Rules(WalletMode.valueOf(c.mode().trim().toUpperCase()), Map.copyOf(overrides),
                SplitPolicy.valueOf(c.split_policy().trim().toUpperCase()), Money.parse(c.recharge_min().trim()),
                c.recharge_max().isBlank() ? null : Money.parse(c.recharge_max().trim()),
                !"DIRECT".equalsIgnoreCase(c.account_opening().trim()), c.hold_minutes() > 0 ? c.hold_minutes() : 30);
    }

    public Rules rules() {
        Rules r = rules;
        if (r == null) {
            throw WalletErrors.WALLETS_NOT_CONFIGURED.error("wallet settings are not loaded");
        }
        return r;
    }
}
