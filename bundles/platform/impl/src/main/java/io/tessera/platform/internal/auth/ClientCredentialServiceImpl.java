package io.tessera.platform.internal.auth;

import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.platform.api.auth.ClientCredentialService;
import io.tessera.platform.internal.Hashing;
import io.tessera.platform.internal.jpa.ClientEntity;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Integrator clients. Secrets are 256 random bits generated here, so a salted SHA-256 is enough
 * to keep them safe at rest (slow hashes are for guessable human passwords). Creating, listing and
 * disabling them is for headquarters administrators (the console acts as one), and is audited.
 */
@Component(service = {ClientCredentialService.class, ClientCredentialServiceImpl.class})
public class ClientCredentialServiceImpl implements ClientCredentialService {

    private final JpaTemplate jpa;

    private final AuditService audit;

    private final CallerCache callers;

    @Activate
    public ClientCredentialServiceImpl(@Reference(target = "(osgi.unit.name=tessera-platform)") JpaTemplate jpa,
            @Reference AuditService audit, @Reference CallerCache callers) {
        this.jpa = jpa;
        this.audit = audit;
        this.callers = callers;
    }

    /**
     * Client management is for people (an operator of headquarters, or the console): an integrator
     * client never manages clients, so a leaked secret cannot mint a replacement for itself.
     */
    private static void requireAdministrator() {
        Caller caller = CallerContext.current();
        caller.requireAnyRole(Role.HQ_ADMIN);
        if (caller.getKind() == Caller.Kind.INTEGRATOR) {
            throw TesseraException.forbidden("integrator clients are managed by headquarters operators, not by clients");
        }
    }

    @Override
    public NewClient create(String clientId, String name, Role role, Set<Long> storeIds) {
        requireAdministrator();
        if (clientId == null || !clientId.matches("[A-Za-z0-9_.-]{3,64}")) {
            throw PlatformErrors.CLIENT_ID_INVALID.at("clientId", "3-64 letters, digits, '.', '_' or '-'");
        }
        if (role == null) {
            throw TesseraException.required("role");
        }
        if (!role.isHeadquarters() && (storeIds == null || storeIds.isEmpty())) {
            throw PlatformErrors.STORES_REQUIRED.at("storeIds", "a store-level client needs at least one store");
        }
        String secret = Hashing.randomToken(32);
        String salt = Hashing.randomToken(16);
        ClientEntity e = new ClientEntity();
        e.clientId = clientId;
        e.name = name == null || name.isBlank() ? clientId : name.trim();
        e.secretHash = salt + "$" + Hashing.sha256(salt + secret);
        e.role = role.name();
        e.storeIds = role.isHeadquarters() ? "" : new TreeSet<>(storeIds).stream().map(String::valueOf).collect(Collectors.joining(","));
        e.enabled = true;
        e.createdAt = BusinessTime.now();
        jpa.tx(TransactionType.Required, em -> {
            if (em.find(ClientEntity.class, clientId) != null) {
                throw PlatformErrors.CLIENT_EXISTS.at("clientId", "client " + clientId + " exists");
            }
            em.persist(e);
            audit.record("client.create", "client", clientId, null, null, info(e));
        });
        return new NewClient(clientId, secret);
    }

    /**
     * Creates or replaces a client from configuration ({@link ProvisionedClients}); the secret
     * arrives already hashed: the hex SHA-256 of the secret.
     */
    void provision(String clientId, String name, Role role, Set<Long> storeIds, String secretSha256) {
        if (secretSha256 == null || !secretSha256.matches("[0-9a-fA-F]{64}")) {
            throw PlatformErrors.SECRET_HASH_INVALID.at("secret.sha256", "64 hex digits: the SHA-256 of the secret");
        }
        jpa.tx(TransactionType.Required, em -> {
            ClientEntity e = em.find(ClientEntity.class, clientId);
            boolean exists = e != null;
            if (!exists) {
                e = new ClientEntity();
                e.clientId = clientId;
                e.createdAt = BusinessTime.now();
            }
            e.name = name == null || name.isBlank() ? clientId : name.trim();
            e.secretHash = "$" + secretSha256.toLowerCase();
            e.role = role.name();
            e.storeIds = role.isHeadquarters() ? "" : new TreeSet<>(storeIds).stream().map(String::valueOf).collect(Collectors.joining(","));
            e.enabled = true;
            if (!exists) {
                em.persist(e);
            }
        });
        callers.forgetAll();
    }

    @Override
    public Optional<Caller> authenticate(String clientId, String secret) {
        if (clientId == null || secret == null || clientId.length() > 64 || secret.length() > 200) {
            return Optional.empty();
        }
        ClientEntity e = jpa.txExpr(TransactionType.Supports, em -> em.find(ClientEntity.class, clientId));
        if (e == null || !e.enabled) {
            return Optional.empty();
        }
        int cut = e.secretHash.indexOf('$');
        String salt = e.secretHash.substring(0, cut);
        if (!Hashing.same(e.secretHash.substring(cut + 1), Hashing.sha256(salt + secret))) {
            return Optional.empty();
        }
        return Optional.of(new Caller(Caller.Kind.INTEGRATOR, 0L, e.clientId, null,
                EnumSet.of(Role.valueOf(e.role)), stores(e.storeIds)));
    }

    @Override
    public List<ClientInfo> list() {
        requireAdministrator();
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT c FROM ClientEntity c ORDER BY c.clientId", ClientEntity.class)
                .getResultList().stream()
                .map(ClientCredentialServiceImpl::info).collect(Collectors.toList()));
    }

    @Override
    public void disable(String clientId) {
        requireAdministrator();
        jpa.tx(TransactionType.Required, em -> {
            ClientEntity e = em.find(ClientEntity.class, clientId);
            if (e == null) {
                throw PlatformErrors.CLIENT_NOT_FOUND.error("no client " + clientId);
            }
            if (provisioned(e) && e.enabled) {
                // Its file would enable it again at the next start: the file is the one place it lives.
                throw PlatformErrors.CLIENT_PROVISIONED.at("client", "client " + clientId
                        + " comes from etc/io.tessera.client-*.cfg: delete its file to disable it");
            }
            if (e.enabled) {
                ClientInfo before = info(e);
                e.enabled = false;
                audit.record("client.disable", "client", clientId, null, before, info(e));
            }
        });
        callers.forgetAll();
    }

    /** A client removed from configuration stops working ({@link ProvisionedClients}): no caller, no audit. */
    void disableProvisioned(String clientId) {
        jpa.tx(TransactionType.Required, em -> {
            ClientEntity e = em.find(ClientEntity.class, clientId);
            if (e != null) {
                e.enabled = false;
            }
        });
        callers.forgetAll();
    }

    /** Provisioned clients keep an unsalted hash of the secret ({@link #provision}): "$" + hex. */
    private static boolean provisioned(ClientEntity e) {
        return e.secretHash.startsWith("$");
    }

    private static ClientInfo info(ClientEntity e) {
        return new ClientInfo(e.clientId, e.name, Role.valueOf(e.role), stores(e.storeIds), e.enabled);
    }

    private static Set<Long> stores(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(Long::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }
}
