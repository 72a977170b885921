package io.tessera.testing;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Another domain's service as a unit test needs it: the methods the test names answer as it says, every
 * other method fails loudly (a test never passes because an unexpected call returned null).
 */
public final class Stub<T> {

    private final Class<T> type;
    private final Map<String, Function<Object[], Object>> answers = new HashMap<>();

    private Stub(Class<T> type) {
        this.type = type;
    }

    public static <T> Stub<T> of(Class<T> type) {
        return new Stub<>(type);
    }

    /** {@code method} (by name, any overload) answers {@code answer} of its arguments. */
    public Stub<T> on(String method, Function<Object[], Object> answer) {
        answers.put(method, answer);
        return this;
    }

    public T build() {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "stub of " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " is not expected in this test");
            }
            return answer.apply(args == null ? new Object[0] : args);
        }));
    }
}
