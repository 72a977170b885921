package io.tessera.reporting.api;

import io.tessera.platform.api.CatalogueDocs;
import org.junit.Test;

public class ReportingErrorsTest {

    @Test
    public void theDocsShowTheCatalogue() throws Exception {
        CatalogueDocs.check(ReportingErrors.class, "reporting");
    }
}
