package io.tessera.org.api;

import io.tessera.platform.api.CatalogueDocs;
import org.junit.Test;

public class OrgErrorsTest {

    @Test
    public void theDocsShowTheCatalogue() throws Exception {
        CatalogueDocs.check(OrgErrors.class, "org");
    }
}
