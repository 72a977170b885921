package io.tessera.cards.internal.command;

import io.tessera.cards.api.CardImport;
import io.tessera.cards.api.CardImportService;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "card", name = "imports", description = "Card imports, newest first, with their counts")
public class CardImportsCommand implements Action {

    @Reference
    private CardImportService imports;

    @Option(name = "-n", aliases = "--limit", description = "How many (default 20)")
    private int limit = 20;

    @Override
    public Object execute() {
        List<CardImport> list = CallerContext.callAs(Caller.system("console"), () -> imports.listImports(limit));
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Id", "File", "Format", "Status", "Read", "Accepted", "Rejected", "Job", "By", "At"}) {
            table.column(c);
        }
        list.forEach(i -> table.addRow().addContent(i.id, i.fileName, i.format, i.status, i.read, i.accepted, i.rejected,
                i.jobId, i.createdBy, i.createdAt));
        table.print(System.out);
        return null;
    }
}
