package io.tessera.cards.api;

import io.tessera.platform.api.CatalogueDocs;
import org.junit.Test;

public class CardErrorsTest {

    @Test
    public void theDocsShowTheCatalogue() throws Exception {
        CatalogueDocs.check(CardErrors.class, "cards");
    }
}
