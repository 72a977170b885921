package io.tessera.points.internal.command;

import io.tessera.platform.api.Page;
import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.points.api.PointsAccount;
import io.tessera.points.api.PointsEntry;
import io.tessera.points.api.PointsService;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "points", name = "account", description = "Shows a member's points: available, pending, owed, what expires next, and the latest journal rows")
public class PointsAccountCommand extends ConsoleAction {

    @Reference
    private PointsService points;

    @Argument(index = 0, name = "memberId", required = true, description = "The member's id")
    private long memberId;

    @Option(name = "-n", aliases = "--entries", description = "How many journal rows (default 10, at most 200)")
    private int entries = 10;

    @Override
    protected Object run() {
        ShellTable accounts = table("Account", "Scope", "Available", "Pending", "Owed", "Expiring next", "Last day", "Rows");
        for (PointsAccount a : points.accounts(memberId)) {
            accounts.addRow().addContent(a.id, a.scopeStoreId == 0 ? "chain" : "store " + a.scopeStoreId, a.available, a.pending, a.debt,
                    a.expiringNext, a.expiringNextLastDay == null ? "-" : a.expiringNextLastDay, a.entryCount);
        }
        accounts.print(System.out);
        Page<PointsEntry> page = points.journal(memberId, 1, entries);
        ShellTable journal = table("Seq", "When", "Type", "Available", "Pending", "After", "Store", "Reference", "By", "Remark");
        for (PointsEntry e : page.getItems()) {
            journal.addRow().addContent(e.accountSeq, e.createdAt.toLocalDateTime(), e.type, e.availableDelta, e.pendingDelta,
                    e.availableAfter + "/" + e.pendingAfter, e.storeId == 0 ? "" : e.storeId, e.reference == null ? "" : e.reference, e.operator,
                    e.remark == null ? "" : e.remark);
        }
        journal.print(System.out);
        System.out.println(page.getItems().size() + " of " + page.getTotal() + " journal row(s)");
        return null;
    }
}
