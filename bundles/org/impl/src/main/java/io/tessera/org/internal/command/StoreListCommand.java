package io.tessera.org.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "org", name = "store-list", description = "Lists stores")
public class StoreListCommand extends ConsoleAction {

    @Reference
    private OrgService org;

    @Option(name = "-f", aliases = "--format", description = "Only stores of this format")
    @Completion(FormatCodeCompleter.class)
    private String format;

    @Override
    protected Object run() throws Exception {
        ShellTable table = table("Id", "Code", "Name", "Format", "Status");
        for (Store s : org.listStores(format)) {
            table.addRow().addContent(s.id, s.code, s.name, s.formatCode, s.status);
        }
        table.print(System.out);
        return null;
    }
}
