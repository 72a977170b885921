package io.tessera.marketing.internal.rules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.tessera.marketing.api.MarketingErrors;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.Test;

public class ReferralRulesTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 12, 5, 10, 0);
    private static final Duration DAY = Duration.ofDays(1);

    private static ReferralRules.Party party(long id, LocalDateTime at) {
        return new ReferralRules.Party(id, at);
    }

    @Test
    public void aNewMemberNamesAnOlderOne() {
        assertNull(ReferralRules.check(party(2, T), party(1, T.minusDays(30)), false, false, T, DAY));
        assertNull(ReferralRules.check(party(2, T), party(1, T), false, true, T.plusHours(23), DAY));
    }

    @Test
    public void notOneselfNotTwiceNotBackwards() {
        assertEquals(MarketingErrors.REFERRAL_SELF, ReferralRules.check(party(1, T), party(1, T), false, true, T, DAY));
        assertEquals(MarketingErrors.REFERRAL_ALREADY_REFERRED, ReferralRules.check(party(2, T), party(1, T.minusDays(1)), true, true, T, DAY));
        // Member 1 registered first; member 2 naming 1 stands, so 1 naming 2 would close a loop.
        assertEquals(MarketingErrors.REFERRAL_LOOP, ReferralRules.check(party(1, T.minusDays(1)), party(2, T), false, true, T, DAY));
    }

    @Test
    public void lateOnlyThroughTheApiAndOnlyWithinTheWindow() {
        assertEquals(MarketingErrors.REFERRAL_TOO_LATE, ReferralRules.check(party(2, T), party(1, T.minusDays(3)), false, true,
                T.plus(DAY).plusSeconds(1), DAY));
        assertNull(ReferralRules.check(party(2, T), party(1, T.minusDays(3)), false, true, T.plus(DAY), DAY));
        // At registration (the event, however late it is delivered) the window does not apply.
        assertNull(ReferralRules.check(party(2, T), party(1, T.minusDays(3)), false, false, T.plusDays(10), DAY));
    }
}
