package io.tessera.platform.internal.auth;

import io.tessera.platform.api.Role;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Integrator clients provisioned from configuration, one file each:
 * {@code etc/io.tessera.client-<name>.cfg} with {@code client.id}, {@code secret.sha256} (hex SHA-256
 * of the secret, never the secret itself), {@code role} and {@code stores}. Adding the file creates or
 * updates the client at once; deleting it disables the client.
 */
@Component(configurationPid = "io.tessera.client", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
@Designate(ocd = ProvisionedClients.Config.class, factory = true)
public class ProvisionedClients {

    @ObjectClassDefinition(name = "Tessera integrator client")
    public @interface Config {
        @AttributeDefinition(description = "Client id used as the HTTP Basic user name")
        String client_id();

        @AttributeDefinition(description = "Hex SHA-256 of the client secret")
        String secret_sha256();

        @AttributeDefinition(description = "Display name")
        String name() default "";

        @AttributeDefinition(description = "CLERK, STORE_MANAGER, FINANCE or HQ_ADMIN")
        String role() default "CLERK";

        @AttributeDefinition(description = "Comma-separated store ids (store-level roles)")
        String stores() default "";
    }

    private static final Logger LOG = LoggerFactory.getLogger(ProvisionedClients.class);

    private final ClientCredentialServiceImpl clients;

    @Activate
    public ProvisionedClients(@Reference ClientCredentialServiceImpl clients,
            Config c) {
        this.clients = clients;
        apply(c);
    }

    private volatile String clientId;

    @Modified
    void apply(Config c) {
        Set<Long> stores = c.stores().isBlank() ? Set.of() : Arrays.stream(c.stores().split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Long::valueOf).collect(Collectors.toCollection(TreeSet::new));
        clients.provision(c.client_id(), c.name(), Role.valueOf(c.role().trim().toUpperCase()),
                stores, c.secret_sha256().trim());
        clientId = c.client_id();
        LOG.info("Integrator client {} provisioned from configuration", clientId);
    }

    @Deactivate
    void removed(int reason) {
        // 1 = configuration deleted, 2 = configuration changed incompatibly: the client must stop working.
        if (clientId != null && (reason == 1 || reason == 2)) {
            clients.disableProvisioned(clientId);
            LOG.info("Integrator client {} disabled: its configuration was removed", clientId);
        }
    }
}
