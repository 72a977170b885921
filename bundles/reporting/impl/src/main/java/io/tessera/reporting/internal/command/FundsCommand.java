package io.tessera.reporting.internal.command;

import io.tessera.platform.api.Checks;
import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.reporting.api.BillService;
import io.tessera.reporting.api.FundsLine;
import io.tessera.reporting.api.FundsReport;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "report", name = "funds", description = "财务对账: per day and merchant account, sales + recharges − fees = funds due at the bank, beside the bill")
public class FundsCommand extends ConsoleAction {

    @Option(name = "--from", description = "First day, yyyy-MM-dd", required = true)
    String from;

    @Option(name = "--to", description = "Last day, yyyy-MM-dd (default: the first; at most 62 days)")
    String to;

    @Reference
    private BillService bills;

    @Override
    protected Object run() {
        var first = Checks.date("from", from);
        FundsReport r = bills.funds(first, to == null ? first : Checks.date("to", to));
        ShellTable table = table("Day", "Method", "Merchant", "Sales", "Recharges", "Fees", "Funds", "Bill", "Difference");
        for (FundsLine l : r.lines) {
            table.addRow().addContent(l.day, l.method, l.merchantId, l.sales, l.recharges, l.fees, l.funds, l.billFunds == null ? "" : l.billFunds,
                    l.difference == null ? "" : l.difference);
        }
        table.addRow().addContent("TOTAL", "", "", r.total.sales, r.total.recharges, r.total.fees, r.total.funds, "", "");
        table.print(System.out);
        return null;
    }
}
