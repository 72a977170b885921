package io.tessera.platform.internal.auth;

import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.auth.ClientCredentialService;
import io.tessera.platform.api.auth.OperatorDirectory;
import io.tessera.platform.api.auth.TokenService;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Turns an HTTP Authorization header into a {@link Caller}: "Bearer token" for operators,
 * "Basic id:secret" for integrator clients. REST and SOAP both ask this one class.
 */
@Component(service = Authenticator.class)
public class Authenticator {

    private final TokenService tokens;

    private final ClientCredentialService clients;

    private final CallerCache cache;

    @Activate
    public Authenticator(@Reference TokenService tokens,
            @Reference ClientCredentialService clients, @Reference CallerCache cache) {
        this.tokens = tokens;
        this.clients = clients;
        this.cache = cache;
    }

    /** Provided by the org domain; without it no operator can be authenticated. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile OperatorDirectory operators;

    /**
     * Empty when the header is absent; a 401 when it is present but not valid (a wrong credential
     * is never silently treated as anonymous).
     */
    public Optional<Caller> authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String h = authorization.trim();
        String key = cache.key(h);
        Optional<Caller> known = cache.get(key);
        if (known.isPresent()) {
            return known;
        }
        long generation = cache.generation();
        Caller caller = resolve(h);
        cache.put(key, caller, generation);
        return Optional.of(caller);
    }

    private Caller resolve(String h) {
        if (h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            OptionalLong operatorId = tokens.resolve(h.substring(7).trim());
            OperatorDirectory dir = operators;
            if (operatorId.isEmpty() || dir == null) {
                throw PlatformErrors.TOKEN_INVALID.error("the token is unknown, expired or logged out");
            }
            return dir.callerFor(operatorId.getAsLong())
                    .orElseThrow(() -> PlatformErrors.OPERATOR_DISABLED.error("the operator is disabled"));
        }
        if (h.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw PlatformErrors.CREDENTIALS_INVALID.error("malformed Basic credentials");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw PlatformErrors.CREDENTIALS_INVALID.error("malformed Basic credentials");
            }
            return clients.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1))
                    .orElseThrow(() -> PlatformErrors.CREDENTIALS_INVALID.error("unknown client or wrong secret"));
        }
        throw PlatformErrors.AUTH_SCHEME_UNSUPPORTED.error("use Bearer (operators) or Basic (integrators)");
    }

    public Caller require(String authorization) {
        return authenticate(authorization)
                .orElseThrow(() -> PlatformErrors.AUTH_REQUIRED.error("authentication required"));
    }
}
