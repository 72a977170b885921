package io.tessera.platform.internal.web;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The limits of the web faces from {@code etc/io.tessera.web.cfg}, applied to the next request as
 * soon as the file changes: the largest request body (REST and SOAP), larger limits by name for the
 * upload methods ({@code maxBodyBytes.<name>}, see {@link io.tessera.platform.api.web.BodyLimit}), and how long a
 * withdrawn domain answers "coming back" ({@link DomainAvailability}).
 */
@Component(service = WebSettings.class, configurationPid = "io.tessera.web")
public class WebSettings {

    static final long DEFAULT_MAX_BODY = 1L << 20;
    static final String MAX_BODY = "maxBodyBytes";
    static final long DEFAULT_REDEPLOY_GRACE = 15;
    static final long MAX_REDEPLOY_GRACE = 3600;
    static final String REDEPLOY_GRACE = "redeployGraceSeconds";

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

    /**
     * How long a domain withdrawn from this node still answers 503 "coming back" rather than 404: a feature
     * uninstalled and installed again by hand shows no 404 in between ({@code redeployGraceSeconds}, default 15; 0: none;
     * at most an hour).
     */
    public long redeployGraceSeconds() {
        Object v = config.get(REDEPLOY_GRACE);
        if (v == null || String.valueOf(v).isBlank()) {
            return DEFAULT_REDEPLOY_GRACE;
        }
        try {
            return Math.min(MAX_REDEPLOY_GRACE, Math.max(0, Long.parseLong(String.valueOf(v).trim())));
        } catch (NumberFormatException e) {
            return DEFAULT_REDEPLOY_GRACE;
        }
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
