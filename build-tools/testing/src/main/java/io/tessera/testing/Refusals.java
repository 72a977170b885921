package io.tessera.testing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import io.tessera.platform.api.TesseraException;

/** Business refusals in unit tests: the call must fail with exactly this catalogue code. */
public final class Refusals {

    private Refusals() {
    }

    public static void assertRefused(String code, Runnable call) {
        try {
            call.run();
            fail("expected " + code);
        } catch (TesseraException e) {
            assertEquals(e.getMessage(), code, e.getCode());
        }
    }
}
