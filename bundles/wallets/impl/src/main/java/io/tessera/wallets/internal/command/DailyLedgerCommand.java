package io.tessera.wallets.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.platform.api.BusinessTime;
import io.tessera.wallets.api.DailyLedgerRow;
import io.tessera.wallets.api.WalletQueryService;
import java.time.LocalDate;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "wallet", name = "daily-ledger", description = "A store's daily balance ledger (门店余额台账)")
public class DailyLedgerCommand extends ConsoleAction {

    @Reference
    private WalletQueryService queries;

    @Argument(index = 0, name = "storeId", required = true, description = "Store id")
    private long storeId;

    @Option(name = "-f", aliases = "--from", description = "First day (default: 6 days ago)")
    private String from;

    @Option(name = "-t", aliases = "--to", description = "Last day (default: today)")
    private String to;

    @Override
    protected Object run() throws Exception {
        LocalDate last = to == null ? BusinessTime.today() : LocalDate.parse(to);
        LocalDate first = from == null ? last.minusDays(6) : LocalDate.parse(from);
        ShellTable table = table("Day", "Principal open", "in", "out", "close", "Bonus open", "in", "out", "close");
        for (DailyLedgerRow r : queries.dailyLedger(storeId, first, last)) {
            table.addRow().addContent(r.date, r.principalOpening, r.principalIn, r.principalOut, r.principalClosing,
                    r.bonusOpening, r.bonusIn, r.bonusOut, r.bonusClosing);
        }
        table.print(System.out);
        return null;
    }
}
