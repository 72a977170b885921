package io.tessera.platform.internal.idempotency;

import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.idempotency.IdempotencyService;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.DbErrors;
import io.tessera.platform.internal.Hashing;
import io.tessera.platform.internal.jpa.IdempotencyEntity;
import io.tessera.platform.internal.web.Json;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key belongs to one caller and one operation: it is stored under the hash of caller and key, with
 * the operation (scope) and the request's fingerprint; the same key on another operation or with
 * another request is 409 IDEMPOTENCY_KEY_REUSED. The key row is inserted (and flushed, so its index entry is locked) before the action runs, in
 * the action's own transaction: a concurrent first call with the same key waits on that row,
 * then fails on the duplicate key, rolls back everything it did, and reads the stored answer. A
 * transaction the database rolled back to break a deadlock is run again, whole.
 */
@Component(service = IdempotencyService.class)
public class IdempotencyServiceImpl implements IdempotencyService {

    private static final String PENDING = "";
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyServiceImpl.class);

    private final JpaTemplate jpa;

    @Activate
    public IdempotencyServiceImpl(@Reference(target = "(osgi.unit.name=tessera-platform)") JpaTemplate jpa) {
        this.jpa = jpa;
        start();
    }

    /** How often a failed transaction is run again (see {@link #execute}). */
    private static final int RETRIES = 3;

    /**
     * Until when keys written by an earlier release (hashed with their scope) are still looked up: 48
     * hours after the newest of them, so a retry that spans the upgrade is answered, never run twice.
     */
    private volatile LocalDateTime legacyKeysUntil;

    private void start() {
        // Rows of earlier releases: BOUND NULL, or 0 where the column was added to a filled table (the
        // database gave them the column's default).
        LocalDateTime newest = jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT MAX(e.createdAt) FROM IdempotencyEntity e WHERE e.bound IS NULL OR e.bound = FALSE",
                        LocalDateTime.class)
                .getSingleResult());
        legacyKeysUntil = newest == null ? null : newest.plusHours(48);
    }

    /**
     * Runs again, whole, a transaction that the database rolled back to break a deadlock, and, when
     * the call has a key, one that failed for any reason that is not a business error: each new run
     * first looks for the key's stored answer, so work that did commit is answered, never repeated.
     */
    @Override
    public <T> T execute(String scope, String key, Object request, Class<T> resultType, Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(scope, key, request, resultType, action);
            } catch (RuntimeException e) {
                boolean keyed = key != null && !key.isBlank();
                boolean retry = DbErrors.isTransientConflict(e) || keyed && !(e instanceof TesseraException);
                if (attempt > RETRIES || !retry) {
                    throw e;
                }
                LOG.warn("{}: the transaction failed ({}); running it again ({}/{})", scope, e, attempt, RETRIES, e);
            }
        }
    }

    private <T> T once(String scope, String key, Object request, Class<T> resultType, Supplier<T> action) {
        if (key == null || key.isBlank()) {
            return inTransaction(em -> action.get());
        }
        if (key.length() > 100) {
            throw PlatformErrors.IDEMPOTENCY_KEY_INVALID.at(Endpoints.IDEMPOTENCY_KEY, "at most 100 characters");
        }
        String keyHash = keyHash(key);
        String requestHash = Hashing.sha256(Json.write(request));
        LocalDateTime legacyUntil = legacyKeysUntil;
        // A first call inserts its key at once: a retry's insert meets the stored key (a duplicate, or a wait on the
        // concurrent first call's uncommitted row), rolls back and looks it up. While keys of an earlier release may
        // still be stored under their old hash, they are looked up first (the insert would not meet them).
        boolean lookFirst = legacyUntil != null && BusinessTime.now().isBefore(legacyUntil);
        for (int attempt = 0; ; attempt++) {
            if (attempt > 0 || lookFirst) {
                Optional<T> stored = lookup(scope, key, requestHash, resultType);
                if (stored.isPresent()) {
                    return stored.get();
                }
            }
            try {
                return inTransaction(em -> {
                    IdempotencyEntity e = new IdempotencyEntity();
                    e.keyHash = keyHash;
                    e.scope = scope;
                    e.requestHash = requestHash;
                    e.responseJson = PENDING;
                    e.createdAt = BusinessTime.now();
                    e.bound = Boolean.TRUE;
                    em.persist(e);
                    em.flush();
                    T result = action.get();
                    e.responseJson = Json.write(result);
                    return result;
                });
            } catch (RuntimeException ex) {
                // The key is stored (a retry), or a concurrent first call with it committed first: answer with its result.
                if (attempt == 0 && DbErrors.isUniqueViolation(ex)) {
                    continue;
                }
                throw ex;
            }
        }
    }

    @Override
    public <T> Optional<T> stored(String scope, String key, Object request, Class<T> resultType) {
        if (key == null || key.isBlank() || key.length() > 100) {
            return Optional.empty();
        }
        return lookup(scope, key, Hashing.sha256(Json.write(request)), resultType);
    }

    /**
     * The committed answer stored under the key (409 when it was for another operation or request),
     * if any.
     */
    private <T> Optional<T> lookup(String scope, String key, String requestHash, Class<T> resultType) {
        LocalDateTime legacyUntil = legacyKeysUntil;
        boolean legacy = legacyUntil != null && BusinessTime.now().isBefore(legacyUntil);
        return jpa.txExpr(TransactionType.Supports, em -> {
            IdempotencyEntity e = em.find(IdempotencyEntity.class, keyHash(key));
            if (e == null && legacy) {
                e = em.find(IdempotencyEntity.class, legacyKeyHash(scope, key));
            }
            return e == null || PENDING.equals(e.responseJson) ? Optional.empty()
                    : Optional.of(replay(e, scope, requestHash, resultType));
        });
    }

    private static String keyHash(String key) {
        return Hashing.sha256(CallerContext.current().identity() + "|" + key);
    }

    /** How keys were hashed before they were bound to one operation. */
    private static String legacyKeyHash(String scope, String key) {
        Caller caller = CallerContext.current();
        return Hashing.sha256(caller.identity() + "|" + scope + "|" + key);
    }

    /**
     * Runs the work in a JTA transaction and, when it fails, throws what the work threw: a failure
     * while rolling back (XA end/rollback errors) must not hide a business error or a duplicate key.
     */
    private <T> T inTransaction(Function<EntityManager, T> work) {
        AtomicReference<RuntimeException> thrown = new AtomicReference<>();
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                try {
                    return work.apply(em);
                } catch (RuntimeException ex) {
                    thrown.set(ex);
                    throw ex;
                }
            });
        } catch (RuntimeException ex) {
            RuntimeException original = thrown.get();
            if (original != null && original != ex) {
                original.addSuppressed(ex);
                throw original;
            }
            throw ex;
        }
    }

    private static <T> T replay(IdempotencyEntity e, String scope, String requestHash, Class<T> type) {
        if (!scope.equals(e.scope)) {
            throw PlatformErrors.IDEMPOTENCY_KEY_REUSED.at(Endpoints.IDEMPOTENCY_KEY,
                    "this idempotency key was used for another operation");
        }
        if (!Hashing.same(e.requestHash, requestHash)) {
            throw PlatformErrors.IDEMPOTENCY_KEY_REUSED.at(Endpoints.IDEMPOTENCY_KEY,
                    "this idempotency key was used for a different request");
        }
        return Json.read(e.responseJson, type);
    }
}
