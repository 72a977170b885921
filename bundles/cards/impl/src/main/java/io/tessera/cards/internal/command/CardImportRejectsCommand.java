package io.tessera.cards.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.cards.api.CardImportService;
import io.tessera.cards.api.ImportReject;
import io.tessera.platform.api.Page;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "card", name = "import-rejects", description = "The rows an import refused: line, card no, reason")
public class CardImportRejectsCommand extends ConsoleAction {

    @Reference
    private CardImportService imports;

    @Argument(index = 0, name = "importId", required = true, description = "Import id (card:imports)")
    private long importId;

    @Option(name = "-p", aliases = "--page", description = "Page, from 1")
    private int page = 1;

    @Option(name = "-s", aliases = "--size", description = "Rows per page (at most 200)")
    private int size = 50;

    @Override
    protected Object run() throws Exception {
        Page<ImportReject> rejects = imports.rejects(importId, page, size);
        ShellTable table = table("Line", "Card no", "Code", "Reason");
        rejects.getItems().forEach(r -> table.addRow().addContent(r.line, r.cardNo == null ? "" : r.cardNo, r.code, r.reason));
        table.print(System.out);
        System.out.println(rejects.getTotal() + " rejected row(s) in all");
        return null;
    }
}
