package io.tessera.platform.internal.codes;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.tessera.platform.internal.codes.CodeRules.Outcome;
import io.tessera.platform.internal.codes.CodeRules.State;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.Test;

public class CodeRulesTest {

    private final CodeRules rules = new CodeRules(Duration.ofMinutes(10), 5, Duration.ofSeconds(60));
    private final LocalDateTime issued = LocalDateTime.of(2026, 11, 22, 10, 0, 0);
    private final LocalDateTime expires = issued.plusMinutes(10);

    @Test
    public void rightCodeWithinTenMinutesIsAccepted() {
        assertEquals(Outcome.ACCEPTED, rules.attempt(State.USABLE, expires, 0, true, issued.plusMinutes(9).plusSeconds(59)));
    }

    @Test
    public void expiresAfterTenMinutesEvenWhenRight() {
        assertEquals(Outcome.EXPIRED, rules.attempt(State.USABLE, expires, 0, true, expires));
        assertEquals(Outcome.EXPIRED, rules.attempt(State.USABLE, expires, 0, false, expires.plusSeconds(1)));
    }

    @Test
    public void fifthWrongTryKillsTheCode() {
        for (int failed = 0; failed < 4; failed++) {
            assertEquals(Outcome.WRONG, rules.attempt(State.USABLE, expires, failed, false, issued));
        }
        assertEquals(Outcome.WRONG_NOW_DEAD, rules.attempt(State.USABLE, expires, 4, false, issued));
        assertEquals("a dead code stays dead even when right", Outcome.DEAD, rules.attempt(State.DEAD, expires, 5, true, issued));
        assertEquals(Outcome.DEAD, rules.attempt(State.USABLE, expires, 5, true, issued));
    }

    @Test
    public void aCodeWorksOnce() {
        assertEquals(Outcome.NO_CODE, rules.attempt(State.USED, expires, 0, true, issued));
        assertEquals(Outcome.NO_CODE, rules.attempt(null, null, 0, true, issued));
    }

    @Test
    public void oneNewCodePerMinute() {
        assertTrue(rules.mayIssue(null, issued));
        assertFalse(rules.mayIssue(issued, issued.plusSeconds(59)));
        assertTrue(rules.mayIssue(issued, issued.plusSeconds(60)));
    }
}
