package io.tessera.wallets.api;

import io.tessera.platform.api.CatalogueDocs;
import org.junit.Test;

public class WalletErrorsTest {

    @Test
    public void theDocsShowTheCatalogue() throws Exception {
        CatalogueDocs.check(WalletErrors.class, "wallets");
    }
}
