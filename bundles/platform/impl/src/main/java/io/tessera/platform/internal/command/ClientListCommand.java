package io.tessera.platform.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.platform.api.auth.ClientCredentialService;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "platform", name = "client-list", description = "Lists integrator clients")
public class ClientListCommand extends ConsoleAction {

    @Reference
    private ClientCredentialService clients;

    @Override
    protected Object run() throws Exception {
        ShellTable table = table("Client", "Name", "Role", "Stores", "Enabled");
        for (ClientCredentialService.ClientInfo c : clients.list()) {
            table.addRow().addContent(c.getClientId(), c.getName(), c.getRole(),
                    c.getRole().isHeadquarters() ? "all" : c.getStoreIds(), c.isEnabled());
        }
        table.print(System.out);
        return null;
    }
}
