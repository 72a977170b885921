package io.tessera.platform.api.idempotency;

import java.util.function.Supplier;

/**
 * Exactly-once writes for retrying clients. The first call with a key runs {@code action} and stores
 * its result in the same transaction; a retry with the same key and the same request returns the
 * stored result without running anything; the same key with another request is refused with 409
 * IDEMPOTENCY_KEY_REUSED. Keys are scoped per caller and operation and kept at least 24 hours.
 *
 * <p>Call it from the outermost service method (not inside another transaction): when two first
 * calls race, the loser's transaction rolls back and it answers with the winner's stored result.
 */
public interface IdempotencyService {

    /**
     * @param scope   operation name, e.g. "members.register"
     * @param key     the client's key; null or blank runs the action without idempotency
     * @param request the request DTO (its JSON form is fingerprinted)
     */
    <T> T execute(String scope, String key, Object request, Class<T> resultType, Supplier<T> action);

    /**
     * The stored answer of an earlier call with this key, if there is one (409 IDEMPOTENCY_KEY_REUSED
     * when that call had another request). A service whose first call does work outside the
     * transaction (checking an SMS code) asks this first, so that a retry is answered, not refused.
     */
    <T> java.util.Optional<T> stored(String scope, String key, Object request, Class<T> resultType);
}
