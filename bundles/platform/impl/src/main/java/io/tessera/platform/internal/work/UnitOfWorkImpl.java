package io.tessera.platform.internal.work;

import io.tessera.platform.api.idempotency.IdempotencyService;
import io.tessera.platform.api.work.UnitOfWork;
import java.util.Optional;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The unit of work over the idempotency store, whose transaction every persistence unit joins. */
@Component(service = UnitOfWork.class)
public class UnitOfWorkImpl implements UnitOfWork {

    @Reference
    private IdempotencyService idempotency;

    @Override
    public <T> T run(String operation, String key, Object request, Class<T> resultType, Supplier<T> work) {
        UnitOfWork.requireKey(key);
        return idempotency.execute(operation, key, request, resultType, work);
    }

    @Override
    public <T> Optional<T> earlier(String operation, String key, Object request, Class<T> resultType) {
        return idempotency.stored(operation, key, request, resultType);
    }
}
