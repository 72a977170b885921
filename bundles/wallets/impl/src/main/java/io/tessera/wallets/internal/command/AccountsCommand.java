package io.tessera.wallets.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.wallets.api.Account;
import io.tessera.wallets.api.JournalEntry;
import io.tessera.wallets.api.TransactionQuery;
import io.tessera.wallets.api.WalletQueryService;
import io.tessera.wallets.api.WalletService;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "wallet", name = "accounts", description = "Shows a member's stored-value accounts and, with -j, their latest journal rows")
public class AccountsCommand extends ConsoleAction {

    @Reference
    private WalletService wallets;

    @Reference
    private WalletQueryService queries;

    @Argument(index = 0, name = "memberId", required = true, description = "Member id")
    private long memberId;

    @Option(name = "-j", aliases = "--journal", description = "Also list the latest journal rows (default 20)")
    private int journal;

    @Override
    protected Object run() throws Exception {
        ShellTable table = table("Account", "Scope", "Principal", "Bonus", "Total", "Status");
        for (Account a : wallets.accountsOf(memberId)) {
            table.addRow().addContent(a.id, a.scopeStoreId == null ? "chain" : "store " + a.scopeStoreId, a.principal,
                    a.bonus, a.total, a.status);
        }
        table.print(System.out);
        if (journal > 0) {
            TransactionQuery q = new TransactionQuery();
            q.memberId = memberId;
            q.size = Math.min(journal, 200);
            ShellTable rows = new ShellTable();
            for (String c : new String[] {"Entry", "Time", "Type", "Store", "Principal", "Bonus", "Principal after",
                    "Bonus after", "Operator", "Reference", "Card"}) {
                rows.column(c);
            }
            for (JournalEntry e : queries.transactions(q).getItems()) {
                rows.addRow().addContent(e.id, e.createdAt.toLocalDateTime(), e.type, e.storeId, e.principalDelta, e.bonusDelta,
                        e.principalAfter, e.bonusAfter, e.operator, e.reference, e.cardNo);
            }
            rows.print(System.out);
        }
        return null;
    }
}
