package io.tessera.platform.internal.schema;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.List;
import liquibase.resource.AbstractResourceAccessor;
import liquibase.resource.Resource;
import liquibase.resource.URIResource;
import org.osgi.framework.Bundle;

/**
 * Liquibase reads a domain's changelog from the domain's own bundle (its entries, not its class path: a
 * changelog never comes from an imported package). Tessera's changelogs include nothing, so a path is all
 * there is to find.
 */
final class BundleChangelog extends AbstractResourceAccessor {

    private final Bundle bundle;

    BundleChangelog(Bundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public List<Resource> search(String path, boolean recursive) throws IOException {
        List<Resource> found = getAll(path);
        return found == null ? List.of() : found;
    }

    @Override
    public List<Resource> getAll(String path) throws IOException {
        String entry = path.startsWith("/") ? path.substring(1) : path;
        URL url = bundle.getEntry(entry);
        if (url == null) {
            return null;
        }
        try {
            return List.of(new URIResource(entry, url.toURI()));
        } catch (URISyntaxException e) {
            throw new IOException("Unreadable changelog address " + url, e);
        }
    }

    @Override
    public List<String> describeLocations() {
        return List.of("bundle " + bundle.getSymbolicName());
    }

    @Override
    public void close() {
        // Nothing open.
    }
}
