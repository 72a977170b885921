package io.tessera.cards.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.cards.api.CardImportService;
import io.tessera.cards.api.CardType;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "card", name = "types", description = "Card types (卡类型) that imports may name, by code or name")
public class CardTypeListCommand extends ConsoleAction {

    @Reference
    private CardImportService imports;

    @Override
    protected Object run() throws Exception {
        List<CardType> types = imports.listTypes();
        ShellTable table = table("Id", "Code", "Name");
        types.forEach(t -> table.addRow().addContent(t.id, t.code, t.name));
        table.print(System.out);
        return null;
    }
}
