package io.tessera.platform.api.auth;

import java.time.Instant;
import java.util.OptionalLong;

/** Operator bearer tokens: random, stored only as a hash, expiring, revocable. */
public interface TokenService {

    /** A fresh token for the operator; the plain token is returned once and never stored. */
    IssuedToken issue(long operatorId);

    /** The operator id behind a live token. */
    OptionalLong resolve(String token);

    /** Ends the token (logout). Unknown tokens are ignored. */
    void revoke(String token);

    /** Ends every token of an operator (disabled, roles changed). */
    int revokeAll(long operatorId);

    /**
     * The operator's roles or stores changed (after the change committed): their tokens stay valid, but what a
     * token resolves to is read again — at once on this node, within {@code caller.cache.seconds} on the others.
     */
    default void callerChanged(long operatorId) {
    }

    final class IssuedToken {
        private final String token;
        private final Instant expiresAt;

        public IssuedToken(String token, Instant expiresAt) {
            this.token = token;
            this.expiresAt = expiresAt;
        }

        public String getToken() {
            return token;
        }

        public Instant getExpiresAt() {
            return expiresAt;
        }
    }
}
