package io.tessera.coupons.api;

import io.tessera.platform.api.CatalogueDocs;
import org.junit.Test;

public class CouponErrorsTest {

    @Test
    public void theDocsShowTheCatalogue() throws Exception {
        CatalogueDocs.check(CouponErrors.class, "coupons");
    }
}
