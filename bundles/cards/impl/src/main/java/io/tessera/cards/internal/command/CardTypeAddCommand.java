package io.tessera.cards.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.cards.api.CardImportService;
import io.tessera.cards.api.CardType;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "card", name = "type-add", description = "Creates a card type, e.g. card:type-add SV 储值卡")
public class CardTypeAddCommand extends ConsoleAction {

    @Reference
    private CardImportService imports;

    @Argument(index = 0, name = "code", required = true, description = "Short code, e.g. SV")
    private String code;

    @Argument(index = 1, name = "name", required = true, description = "Name as the CRM export writes it, e.g. 储值卡")
    private String name;

    @Override
    protected Object run() throws Exception {
        CardType t = new CardType();
        t.code = code;
        t.name = name;
        CardType created = imports.createType(t);
        System.out.println("Card type " + created.code + " (" + created.name + ") created, id " + created.id);
        return null;
    }
}
