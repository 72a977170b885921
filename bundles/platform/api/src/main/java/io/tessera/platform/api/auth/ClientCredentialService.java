package io.tessera.platform.api.auth;

import io.tessera.platform.api.Caller;
import io.tessera.platform.api.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Integrator clients (POS vendors, mini-programs) authenticating with HTTP Basic. */
public interface ClientCredentialService {

    /** Creates a client; the generated secret is returned once and stored only as a salted hash. */
    NewClient create(String clientId, String name, Role role, Set<Long> storeIds);

    Optional<Caller> authenticate(String clientId, String secret);

    List<ClientInfo> list();

    void disable(String clientId);

    final class NewClient {
        private final String clientId;
        private final String secret;

        public NewClient(String clientId, String secret) {
            this.clientId = clientId;
            this.secret = secret;
        }

        public String getClientId() {
            return clientId;
        }

        public String getSecret() {
            return secret;
        }
    }

    final class ClientInfo {
        private final String clientId;
        private final String name;
        private final Role role;
        private final Set<Long> storeIds;
        private final boolean enabled;

        public ClientInfo(String clientId, String name, Role role, Set<Long> storeIds, boolean enabled) {
            this.clientId = clientId;
            this.name = name;
            this.role = role;
            this.storeIds = storeIds;
            this.enabled = enabled;
        }

        public String getClientId() {
            return clientId;
        }

        public String getName() {
            return name;
        }

        public Role getRole() {
            return role;
        }

        public Set<Long> getStoreIds() {
            return storeIds;
        }

        public boolean isEnabled() {
            return enabled;
        }
    }
}
