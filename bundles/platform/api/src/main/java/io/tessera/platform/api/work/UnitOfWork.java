package io.tessera.platform.api.work;

import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.web.Endpoints;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a money-moving use case runs, once, whatever the face (REST, SOAP, console): its idempotency
 * key is required and bound to the caller and the operation, a retry with the same key and request
 * answers the first result, the work runs in one JTA transaction that every domain's persistence
 * unit joins (participants of other domains included), and a transaction the database rolled back
 * to break a deadlock is run again, whole. Call it once, from the use case's outermost method.
 */
public interface UnitOfWork {

    /** 400 IDEMPOTENCY_KEY_REQUIRED naming the header unless a key is given. */
    static String requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw PlatformErrors.IDEMPOTENCY_KEY_REQUIRED.at(Endpoints.IDEMPOTENCY_KEY,
                    "money-moving calls need an idempotency key (header Idempotency-Key, SOAP requestId)");
        }
        return key;
    }

    /**
     * Runs {@code work} as the operation's single transaction under the key (required), or answers the
     * stored result of an earlier run with the same key and request (409 IDEMPOTENCY_KEY_REUSED for
     * another request or operation).
     *
     * @param operation a stable name, e.g. "wallets.pay"
     */
    <T> T run(String operation, String key, Object request, Class<T> resultType, Supplier<T> work);

    /**
     * The stored result of an earlier run with this key, if any: a use case that must check something
     * outside its transaction first (an SMS code try counts even when the call fails) asks this before,
     * so that a retry is answered, not refused.
     */
    <T> Optional<T> earlier(String operation, String key, Object request, Class<T> resultType);

    /**
     * Runs {@code work} in a transaction of its own, committed before this returns, whatever the
     * caller's transaction does later: for rows a participant must find before its transaction uses
     * them (an account, a day's ledger rows), created once and harmless if the caller rolls back. It runs
     * on another thread (as the same caller), so it never joins the caller's transaction: it must only
     * create rows that do not exist yet, never touch rows the caller's transaction may have locked.
     */
    <T> T apart(Supplier<T> work);
}
