package io.tessera.cards.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.cards.api.CardPage;
import io.tessera.cards.api.CardQuery;
import io.tessera.cards.api.CardService;
import io.tessera.cards.api.CardStatus;
import io.tessera.cards.api.MigrationStatus;
import io.tessera.platform.api.web.QueryParams;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "card", name = "list", description = "Card query (实体卡余额查询) with totals")
public class CardListCommand extends ConsoleAction {

    @Reference
    private CardService cards;

    @Option(name = "-s", aliases = "--store", description = "Owning store id")
    @Completion(StoreIdCompleter.class)
    private Long storeId;

    @Option(name = "-t", aliases = "--type", description = "Card type code")
    @Completion(CardTypeCompleter.class)
    private String type;

    @Option(name = "-p", aliases = "--prefix", description = "Card nos starting with this")
    private String prefix;

    @Option(name = "--min", description = "Smallest balance")
    private String min;

    @Option(name = "--max", description = "Largest balance")
    private String max;

    @Option(name = "--status", description = "ACTIVE, LOST, FROZEN or VOID")
    @Completion(value = StringsCompleter.class, values = {"ACTIVE", "LOST", "FROZEN", "VOID"})
    private String status;

    @Option(name = "-m", aliases = "--migration", description = "NOT_MIGRATED or MIGRATED")
    @Completion(value = StringsCompleter.class, values = {"NOT_MIGRATED", "MIGRATED"})
    private String migration;

    @Option(name = "--page", description = "Page, from 1")
    private int page = 1;

    @Option(name = "--size", description = "Cards per page (at most 200)")
    private int size = 20;

    @Override
    protected Object run() throws Exception {
        CardQuery q = new CardQuery();
        q.storeId = storeId;
        q.typeCode = type;
        q.cardNoPrefix = prefix;
        q.minBalance = QueryParams.money("min", min);
        q.maxBalance = QueryParams.money("max", max);
        q.status = QueryParams.enumValue("status", CardStatus.class, status);
        q.migrationStatus = QueryParams.enumValue("migration", MigrationStatus.class, migration);
        q.page = page;
        q.size = size;
        CardPage result = cards.query(q);
        ShellTable table = table("Card no", "Type", "Store", "Balance", "Status", "Migration");
        result.items.forEach(c -> table.addRow().addContent(c.cardNo, c.typeCode, c.storeLabel, c.balance, c.status, c.migrationStatus));
        table.print(System.out);
        System.out.println(result.total + " card(s), balance " + result.totalBalance + " in all");
        return null;
    }
}
