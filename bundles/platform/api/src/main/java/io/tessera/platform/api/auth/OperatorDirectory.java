package io.tessera.platform.api.auth;

import io.tessera.platform.api.Caller;
import java.util.Optional;

/**
 * Implemented by the org domain: turns an operator id behind a token into a {@link Caller}
 * with the operator's current roles and stores (so a role change applies at the next request).
 */
public interface OperatorDirectory {

    /** Empty when the operator does not exist or is disabled. */
    Optional<Caller> callerFor(long operatorId);
}
