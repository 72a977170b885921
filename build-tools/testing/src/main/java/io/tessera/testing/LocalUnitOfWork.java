package io.tessera.testing;

import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.work.UnitOfWork;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.aries.jpa.template.TransactionType;

/**
 * The unit of work for one domain's unit tests: the key is required, the work runs in one transaction of the
 * domain's unit, and {@link #apart} runs on another thread in a transaction of its own. Storing and replaying
 * answers by key is the platform's (tested against the real distribution), so {@link #earlier} knows none.
 */
public final class LocalUnitOfWork implements UnitOfWork, AutoCloseable {

    private final LocalJpaTemplate jpa;
    private final ExecutorService apartThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "unit-of-work-apart");
        t.setDaemon(true);
        return t;
    });

    public LocalUnitOfWork(LocalJpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public <T> T run(String operation, String key, Object request, Class<T> resultType, Supplier<T> work) {
        UnitOfWork.requireKey(key);
        return jpa.txExpr(TransactionType.Required, em -> work.get());
    }

    @Override
    public <T> Optional<T> earlier(String operation, String key, Object request, Class<T> resultType) {
        return Optional.empty();
    }

    @Override
    public <T> T apart(Supplier<T> work) {
        Optional<Caller> caller = CallerContext.find();
        try {
            return apartThread.submit(() -> caller.isPresent() ? CallerContext.callAs(caller.get(), work) : work.get()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        apartThread.shutdownNow();
    }
}
