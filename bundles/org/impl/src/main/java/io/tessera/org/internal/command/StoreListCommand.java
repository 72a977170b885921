package io.tessera.org.internal.command;

import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "org", name = "store-list", description = "Lists stores")
public class StoreListCommand implements Action {

    @Reference
    private OrgService org;

    @Option(name = "-f", aliases = "--format", description = "Only stores of this format")
    @Completion(FormatCodeCompleter.class)
    private String format;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Code");
        table.column("Name");
        table.column("Format");
        table.column("Status");
        CallerContext.runAs(Caller.system("console"), () -> {
            for (Store s : org.listStores(format)) {
                table.addRow().addContent(s.id, s.code, s.name, s.formatCode, s.status);
            }
        });
        table.print(System.out);
        return null;
    }
}
