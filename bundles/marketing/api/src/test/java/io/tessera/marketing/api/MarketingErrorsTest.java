package io.tessera.marketing.api;

import io.tessera.platform.api.CatalogueDocs;
import org.junit.Test;

public class MarketingErrorsTest {

    @Test
    public void theDocsShowTheCatalogue() throws Exception {
        CatalogueDocs.check(MarketingErrors.class, "marketing");
    }
}
