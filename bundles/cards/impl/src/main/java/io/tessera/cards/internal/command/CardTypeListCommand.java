package io.tessera.cards.internal.command;

import io.tessera.cards.api.CardImportService;
import io.tessera.cards.api.CardType;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "card", name = "types", description = "Card types (卡类型) that imports may name, by code or name")
public class CardTypeListCommand implements Action {

    @Reference
    private CardImportService imports;

    @Override
    public Object execute() {
        List<CardType> types = CallerContext.callAs(Caller.system("console"), imports::listTypes);
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Code");
        table.column("Name");
        types.forEach(t -> table.addRow().addContent(t.id, t.code, t.name));
        table.print(System.out);
        return null;
    }
}
