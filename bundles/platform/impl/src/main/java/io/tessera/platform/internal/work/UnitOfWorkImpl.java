package io.tessera.platform.internal.work;

import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.idempotency.IdempotencyService;
import io.tessera.platform.api.work.UnitOfWork;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** The unit of work over the idempotency store, whose transaction every persistence unit joins. */
@Component(service = UnitOfWork.class)
public class UnitOfWorkImpl implements UnitOfWork {

    private final IdempotencyService idempotency;

    /** Threads with no transaction for {@link #apart} (a JTA transaction is bound to its thread). */
    private final ExecutorService apart;

    @Activate
    public UnitOfWorkImpl(@Reference IdempotencyService idempotency) {
        this.idempotency = idempotency;
        AtomicInteger n = new AtomicInteger();
        this.apart = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tessera-apart-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        apart.shutdownNow();
    }

    @Override
    public <T> T run(String operation, String key, Object request, Class<T> resultType, Supplier<T> work) {
        UnitOfWork.requireKey(key);
        return idempotency.execute(operation, key, request, resultType, work);
    }

    @Override
    public <T> Optional<T> earlier(String operation, String key, Object request, Class<T> resultType) {
        return idempotency.stored(operation, key, request, resultType);
    }

    @Override
    public <T> T apart(Supplier<T> work) {
        var caller = CallerContext.find();
        Future<T> f = apart.submit(() -> caller.isPresent() ? CallerContext.callAs(caller.get(), work) : work.get());
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new IllegalStateException("interrupted while creating rows apart", e);
        }
    }
}
