package io.tessera.platform.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.auth.ClientCredentialService;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

@Service
@Command(scope = "platform", name = "client-create",
        description = "Creates an integrator client (HTTP Basic) and prints its secret once")
public class ClientCreateCommand extends ConsoleAction {

    @Reference
    private ClientCredentialService clients;

    @Argument(index = 0, name = "clientId", description = "Client id (3-64 letters, digits, . _ -)", required = true)
    private String clientId;

    @Option(name = "-n", aliases = "--name", description = "Display name")
    private String name;

    @Option(name = "-r", aliases = "--role", description = "Role: CLERK, STORE_MANAGER, FINANCE or HQ_ADMIN (default CLERK)")
    @Completion(value = StringsCompleter.class, values = {"CLERK", "STORE_MANAGER", "FINANCE", "HQ_ADMIN"})
    private String role = "CLERK";

    @Option(name = "-s", aliases = "--store", description = "Store id the client may act for (repeatable)", multiValued = true)
    private List<Long> stores;

    @Override
    protected Object run() throws Exception {
        Set<Long> storeIds = stores == null ? Set.of() : new TreeSet<>(stores);
        ClientCredentialService.NewClient c = clients.create(clientId, name, Role.valueOf(role.toUpperCase()), storeIds);
        System.out.println("Client " + c.getClientId() + " created. Secret (shown only now): " + c.getSecret());
        return null;
    }
}
