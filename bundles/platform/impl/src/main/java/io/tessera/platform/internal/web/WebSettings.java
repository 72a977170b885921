package io.tessera.platform.internal.web;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The limits of the web faces from {@code etc/io.tessera.web.cfg}, applied to the next request as
 * soon as the file changes: the largest request body (REST and SOAP), larger limits by name for the
 * upload methods ({@code maxBodyBytes.<name>}, see {@link io.tessera.platform.api.web.BodyLimit}).
 */
@Component(service = WebSettings.class, configurationPid = "io.tessera.web")
public class WebSettings {

    static final long DEFAULT_MAX_BODY = 1L << 20;
    static final String MAX_BODY = "maxBodyBytes";

    private volatile Map<String, Object> config = Map.of();

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        config = Map.copyOf(properties);
    }

    /** The largest body of an ordinary request (JSON, SOAP), in bytes. */
    public long maxBodyBytes() {
        return bytes(MAX_BODY, DEFAULT_MAX_BODY);
    }

    /** The largest body of the named upload, in bytes. */
    public long maxBodyBytes(String name, long defaultBytes) {
        return bytes(MAX_BODY + "." + name, defaultBytes);
    }

    private long bytes(String key, long defaultValue) {
        Object v = config.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(String.valueOf(v).trim());
            return n > 0 ? n : defaultValue;
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }
}
