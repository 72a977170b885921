package io.tessera.org.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.org.api.Operator;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.Phones;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "org", name = "operator-list", description = "Lists operators (phones masked)")
public class OperatorListCommand extends ConsoleAction {

    @Reference
    private OrgService org;

    @Option(name = "-s", aliases = "--store", description = "Only operators of this store id")
    @Completion(StoreIdCompleter.class)
    private Long storeId;

    @Option(name = "-p", aliases = "--page", description = "Page number (default 1)")
    private int page = 1;

    @Option(name = "-n", aliases = "--size", description = "How many a page (default 50, at most 200)")
    private int size = 50;

    @Override
    protected Object run() throws Exception {
        ShellTable table = table("Id", "Employee no", "Name", "Phone", "Roles", "Stores", "Enabled");
        for (Operator o : org.listOperators(storeId, page, size).getItems()) {
            table.addRow().addContent(o.id, o.employeeNo, o.name, Phones.mask(o.phone), o.roles, o.storeIds, o.enabled);
        }
        table.print(System.out);
        return null;
    }
}
