package io.tessera.platform.api.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST method whose request body may be larger than the usual limit ({@code maxBodyBytes} in
 * {@code etc/io.tessera.web.cfg}, 1 MiB by default): uploads such as card imports and vouchers. The
 * limit is {@code maxBodyBytes.<name>} in the same file, {@link #defaultBytes} when it is not set.
 * A larger body is refused with 413 before it is read.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

    /** The configuration key's suffix, e.g. "cardImport". */
    String name();

    long defaultBytes();
}
