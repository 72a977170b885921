package io.tessera.cards.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.cards.api.Card;
import io.tessera.cards.api.CardMigration;
import io.tessera.cards.api.CardService;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "card", name = "show", description = "A card and, when migrated, its migration details")
public class CardShowCommand extends ConsoleAction {

    @Reference
    private CardService cards;

    @Argument(index = 0, name = "cardNo", required = true, description = "Card no")
    private String cardNo;

    @Override
    protected Object run() throws Exception {
        Card c = cards.get(cardNo);
        System.out.println("Card       " + c.cardNo + " (" + c.typeCode + " " + c.typeName + ")");
        System.out.println("Store      " + c.storeLabel);
        System.out.println("Balance    " + c.balance);
        System.out.println("Status     " + c.status + ", " + c.migrationStatus);
        System.out.println("Imported   import " + c.importId + ", line " + c.importLine);
        CardMigration m = c.migration;
        if (m != null) {
            System.out.println("Migrated   " + m.amount + " to member " + m.memberNo + " (" + m.maskedPhone + "), account "
                    + m.accountId + ", journal entry " + m.journalEntryId);
            System.out.println("By         " + m.operatorEmployeeNo + " " + (m.operatorName == null ? "" : m.operatorName) + " at " + m.migratedAt);
            System.out.println("Remark     " + (m.remark == null ? "" : m.remark));
            m.vouchers.forEach(v -> System.out.println("Voucher " + v.index + "  " + v.contentType + ", " + v.sizeBytes + " bytes, "
                    + (v.fileName == null ? "" : v.fileName)));
        }
        return null;
    }
}
