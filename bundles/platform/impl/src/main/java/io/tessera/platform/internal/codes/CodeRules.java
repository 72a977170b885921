package io.tessera.platform.internal.codes;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * The rules of a verification code, apart from storage: when a new one may be sent, and what a
 * given attempt does to an existing one. Pure, so the unit tests can walk through every case.
 */
public final class CodeRules {

    public enum State { USABLE, USED, DEAD }

    public enum Outcome { ACCEPTED, WRONG, WRONG_NOW_DEAD, EXPIRED, DEAD, NO_CODE }

    private final Duration validity;
    private final int maxAttempts;
    private final Duration resendInterval;

    public CodeRules(Duration validity, int maxAttempts, Duration resendInterval) {
        this.validity = validity;
        this.maxAttempts = maxAttempts;
        this.resendInterval = resendInterval;
    }

    public Duration validity() {
        return validity;
    }

    /** A new code may be issued unless the last one was issued less than the resend interval ago. */
    public boolean mayIssue(LocalDateTime lastIssuedAt, LocalDateTime now) {
        return lastIssuedAt == null || !lastIssuedAt.plus(resendInterval).isAfter(now);
    }

    /**
     * What an attempt does. The caller applies the outcome: ACCEPTED marks the code USED, WRONG
     * counts one failed attempt, WRONG_NOW_DEAD counts it and kills the code.
     */
    public Outcome attempt(State state, LocalDateTime expiresAt, int failedAttempts, boolean matches, LocalDateTime now) {
        if (state == null) {
            return Outcome.NO_CODE;
        }
        if (state == State.DEAD || failedAttempts >= maxAttempts) {
            return Outcome.DEAD;
        }
        if (state == State.USED) {
            return Outcome.NO_CODE;
        }
        if (!expiresAt.isAfter(now)) {
            return Outcome.EXPIRED;
        }
        if (matches) {
            return Outcome.ACCEPTED;
        }
        return failedAttempts + 1 >= maxAttempts ? Outcome.WRONG_NOW_DEAD : Outcome.WRONG;
    }
}
