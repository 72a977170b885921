package io.tessera.platform.internal.auth;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.auth.TokenService;
import io.tessera.platform.internal.Hashing;
import io.tessera.platform.internal.jpa.TokenEntity;
import java.time.LocalDateTime;
import java.util.OptionalLong;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@Component(service = TokenService.class, configurationPid = "io.tessera.auth")
@Designate(ocd = TokenServiceImpl.Config.class)
public class TokenServiceImpl implements TokenService {

    @ObjectClassDefinition(name = "Tessera authentication")
    public @interface Config {
        @AttributeDefinition(description = "How long an operator token lives, in minutes")
        int token_ttl_minutes() default 720;

        @AttributeDefinition(description = "Seconds a caller resolved from its token or client secret is kept (0: read them on every request); "
                + "a change on this node holds at once, on other nodes within these seconds")
        int caller_cache_seconds() default 2;
    }

    private final JpaTemplate jpa;

    private final CallerCache callers;

    @Activate
    public TokenServiceImpl(@Reference(target = "(osgi.unit.name=tessera-platform)") JpaTemplate jpa,
            @Reference CallerCache callers, Config config) {
        this.jpa = jpa;
        this.callers = callers;
        configure(config);
    }

    private volatile int ttlMinutes;

    @Modified
    void configure(Config config) {
        this.ttlMinutes = Math.max(1, config.token_ttl_minutes());
    }

    @Override
    public IssuedToken issue(long operatorId) {
        String token = Hashing.randomToken(32);
        LocalDateTime now = BusinessTime.now();
        TokenEntity e = new TokenEntity();
        e.tokenHash = Hashing.sha256(token);
        e.operatorId = operatorId;
        e.createdAt = now;
        e.expiresAt = now.plusMinutes(ttlMinutes);
        jpa.tx(TransactionType.Required, em -> em.persist(e));
        return new IssuedToken(token, e.expiresAt.atZone(BusinessTime.ZONE).toInstant());
    }

    @Override
    public OptionalLong resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return OptionalLong.empty();
        }
        String hash = Hashing.sha256(token);
        return jpa.txExpr(TransactionType.Supports, em -> {
            TokenEntity e = em.find(TokenEntity.class, hash);
            if (e == null || e.revoked || e.expiresAt.isBefore(BusinessTime.now())) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(e.operatorId);
        });
    }

    @Override
    public void revoke(String token) {
        if (token == null || token.isBlank()) {
            return;
        }
        String hash = Hashing.sha256(token);
        jpa.tx(TransactionType.Required, em -> {
            TokenEntity e = em.find(TokenEntity.class, hash);
            if (e != null) {
                e.revoked = true;
            }
        });
        callers.forgetAll();
    }

    @Override
    public int revokeAll(long operatorId) {
        int revoked = jpa.txExpr(TransactionType.Required, em -> em
                .createQuery("UPDATE TokenEntity t SET t.revoked = TRUE WHERE t.operatorId = :op AND t.revoked = FALSE")
                .setParameter("op", operatorId).executeUpdate());
        callers.forgetAll();
        return revoked;
    }

    @Override
    public void callerChanged(long operatorId) {
        callers.forgetAll();
    }
}
