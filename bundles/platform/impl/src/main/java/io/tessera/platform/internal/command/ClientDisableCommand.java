package io.tessera.platform.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.platform.api.auth.ClientCredentialService;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "platform", name = "client-disable", description = "Disables an integrator client at once")
public class ClientDisableCommand extends ConsoleAction {

    @Reference
    private ClientCredentialService clients;

    @Argument(index = 0, name = "clientId", required = true, description = "Client id")
    private String clientId;

    @Override
    protected Object run() throws Exception {
        clients.disable(clientId);
        System.out.println("Client " + clientId + " disabled.");
        return null;
    }
}
