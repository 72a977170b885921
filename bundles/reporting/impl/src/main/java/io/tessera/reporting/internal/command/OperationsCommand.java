package io.tessera.reporting.internal.command;

import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.audit.AuditEntry;
import io.tessera.platform.api.audit.AuditQueries;
import io.tessera.platform.api.audit.AuditQuery;
import io.tessera.platform.api.console.ConsoleAction;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "report", name = "operations", description = "操作记录: who did what, where and when (the audit trail), newest first")
public class OperationsCommand extends ConsoleAction {

    @Option(name = "--from", description = "First day, yyyy-MM-dd", required = true)
    String from;

    @Option(name = "--to", description = "Last day, yyyy-MM-dd (default: the first)")
    String to;

    @Option(name = "--store", description = "One store's id")
    @Completion(StoreIdCompleter.class)
    Long storeId;

    @Option(name = "--actor", description = "Who (e.g. operator:E10301)")
    String actor;

    @Option(name = "--action", description = "An action or its beginning (e.g. wallets.)")
    String action;

    @Option(name = "--page", description = "Page (default 1, 50 entries a page)")
    int page = 1;

    @Reference
    private AuditQueries audit;

    @Override
    protected Object run() {
        AuditQuery q = new AuditQuery();
        q.from = Checks.date("from", from);
        q.to = to == null ? q.from : Checks.date("to", to);
        q.storeId = storeId;
        q.actor = actor;
        q.action = action;
        q.page = page;
        q.size = 50;
        Page<AuditEntry> list = audit.search(q);
        ShellTable table = table("At", "Actor", "Store", "Action", "Entity", "Id");
        for (AuditEntry e : list.getItems()) {
            table.addRow().addContent(e.getAt(), e.getActor(), e.getStoreId(), e.getAction(), e.getEntityType(), e.getEntityId());
        }
        table.print(System.out);
        System.out.println(list.getTotal() + " entr(y/ies)");
        return null;
    }
}
