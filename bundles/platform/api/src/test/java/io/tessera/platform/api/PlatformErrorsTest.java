package io.tessera.platform.api;

import org.junit.Test;

public class PlatformErrorsTest {

    @Test
    public void theDocsShowTheCatalogue() throws Exception {
        CatalogueDocs.check(PlatformErrors.class, "platform");
    }
}
