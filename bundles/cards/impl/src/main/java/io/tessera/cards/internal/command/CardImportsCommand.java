package io.tessera.cards.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.cards.api.CardImport;
import io.tessera.cards.api.CardImportService;
import io.tessera.platform.api.Page;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "card", name = "imports", description = "Card imports, newest first, with their counts")
public class CardImportsCommand extends ConsoleAction {

    @Reference
    private CardImportService imports;

    @Option(name = "-n", aliases = "--size", description = "How many a page (default 20, at most 200)")
    private int size = 20;

    @Option(name = "-p", aliases = "--page", description = "Page number (default 1)")
    private int page = 1;

    @Override
    protected Object run() throws Exception {
        Page<CardImport> list = imports.listImports(page, size);
        ShellTable table = table("Id", "File", "Format", "Status", "Read", "Accepted", "Rejected", "Job", "By", "At");
        list.getItems().forEach(i -> table.addRow().addContent(i.id, i.fileName, i.format, i.status, i.read, i.accepted, i.rejected,
                i.jobId, i.createdBy, i.createdAt));
        table.print(System.out);
        System.out.println("Page " + list.getPage() + ", " + list.getTotal() + " import(s) in all");
        return null;
    }
}
