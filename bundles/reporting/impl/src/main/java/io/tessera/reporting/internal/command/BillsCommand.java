package io.tessera.reporting.internal.command;

import io.tessera.platform.api.Checks;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.reporting.api.BillImport;
import io.tessera.reporting.api.BillService;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "report", name = "bills", description = "对账: the channels' bills reconciled, newest day first, with their totals beside Tessera's and their differences")
public class BillsCommand extends ConsoleAction {

    @Option(name = "--method", description = "WECHAT or ALIPAY")
    PaymentMethod method;

    @Option(name = "--from", description = "First day, yyyy-MM-dd")
    String from;

    @Option(name = "--to", description = "Last day, yyyy-MM-dd")
    String to;

    @Option(name = "--page", description = "Page (default 1, 20 bills a page)")
    int page = 1;

    @Reference
    private BillService bills;

    @Override
    protected Object run() {
        var list = bills.bills(method, Checks.date("from", from), Checks.date("to", to), page, 20);
        ShellTable table = table("Id", "Day", "Method", "Merchant", "Lines", "Matched", "Bill paid", "Tessera paid", "Bill fee", "Tessera fee", "Open",
                "Waiting", "Resolved", "Closed");
        for (BillImport b : list.getItems()) {
            table.addRow().addContent(b.id, b.day, b.method, b.merchantId, b.rows, b.matched, b.billPaid, b.tesseraPaid, b.billFee, b.tesseraFee, b.open,
                    b.waiting, b.resolved, b.closedAt == null ? "" : b.closedBy);
        }
        table.print(System.out);
        System.out.println(list.getTotal() + " bill(s)");
        return null;
    }
}
