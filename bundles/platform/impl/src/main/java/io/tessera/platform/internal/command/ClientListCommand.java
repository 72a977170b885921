package io.tessera.platform.internal.command;

import io.tessera.platform.api.auth.ClientCredentialService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "platform", name = "client-list", description = "Lists integrator clients")
public class ClientListCommand implements Action {

    @Reference
    private ClientCredentialService clients;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Client");
        table.column("Name");
        table.column("Role");
        table.column("Stores");
        table.column("Enabled");
        for (ClientCredentialService.ClientInfo c : clients.list()) {
            table.addRow().addContent(c.getClientId(), c.getName(), c.getRole(),
                    c.getRole().isHeadquarters() ? "all" : c.getStoreIds(), c.isEnabled());
        }
        table.print(System.out);
        return null;
    }
}
