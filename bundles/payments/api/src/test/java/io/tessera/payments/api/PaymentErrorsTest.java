package io.tessera.payments.api;

import io.tessera.platform.api.CatalogueDocs;
import org.junit.Test;

public class PaymentErrorsTest {

    @Test
    public void theDocsShowTheCatalogue() throws Exception {
        CatalogueDocs.check(PaymentErrors.class, "payments");
    }
}
