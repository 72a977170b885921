package io.tessera.members.api;

import io.tessera.platform.api.CatalogueDocs;
import org.junit.Test;

public class MemberErrorsTest {

    @Test
    public void theDocsShowTheCatalogue() throws Exception {
        CatalogueDocs.check(MemberErrors.class, "members");
    }
}
