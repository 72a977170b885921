package io.tessera.marketing.internal.rules;

import io.tessera.marketing.api.MarketingErrors;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Whether a member may name a referrer. A member has at most one referrer (the referral's key is the referee), so
 * the referrals form a forest: one can only close a loop by naming someone who registered after them — refused, as
 * is naming oneself. Naming a referrer after registering is allowed for {@code bindWindow} (a mini-program shows the
 * code field on the page after sign-up).
 */
public final class ReferralRules {

    private ReferralRules() {
    }

    /** What the referee and the referrer are, for the rules. */
    public record Party(long memberId, LocalDateTime registeredAt) {
    }

    /**
     * The refusal (a MarketingErrors entry) or null when the binding stands. {@code late}: bound by a call after
     * registering, at {@code now}; at registration itself the window does not apply.
     */
    public static MarketingErrors check(Party referee, Party referrer, boolean alreadyReferred, boolean late, LocalDateTime now,
                                        Duration bindWindow) {
        if (referee.memberId() == referrer.memberId()) {
            return MarketingErrors.REFERRAL_SELF;
        }
        if (alreadyReferred) {
            return MarketingErrors.REFERRAL_ALREADY_REFERRED;
        }
        if (referrer.registeredAt().isAfter(referee.registeredAt())) {
            return MarketingErrors.REFERRAL_LOOP;
        }
        if (late && now.isAfter(referee.registeredAt().plus(bindWindow))) {
            return MarketingErrors.REFERRAL_TOO_LATE;
        }
        return null;
    }
}
