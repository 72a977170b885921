package io.tessera.points.api;

import io.tessera.platform.api.CatalogueDocs;
import org.junit.Test;

public class PointsErrorsTest {

    @Test
    public void theDocsShowTheCatalogue() throws Exception {
        CatalogueDocs.check(PointsErrors.class, "points");
    }
}
