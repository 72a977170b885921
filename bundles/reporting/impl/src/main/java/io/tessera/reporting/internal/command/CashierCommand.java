package io.tessera.reporting.internal.command;

import io.tessera.platform.api.Checks;
import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.reporting.api.CashierLine;
import io.tessera.reporting.api.CashierQuery;
import io.tessera.reporting.api.CashierReconciliation;
import io.tessera.reporting.api.CashierService;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "report", name = "cashier", description = "收银员对账: a store's day per method — expected, counted, long or short — for one till or cashier or all")
public class CashierCommand extends ConsoleAction {

    @Option(name = "--store", description = "The store's id", required = true)
    @Completion(StoreIdCompleter.class)
    Long storeId;

    @Option(name = "--day", description = "Business day, yyyy-MM-dd", required = true)
    String day;

    @Option(name = "--till", description = "One till")
    String tillNo;

    @Option(name = "--cashier", description = "One cashier (e.g. operator:E10301)")
    String cashier;

    @Reference
    private CashierService service;

    @Override
    protected Object run() {
        CashierQuery q = new CashierQuery();
        q.storeId = storeId;
        q.day = Checks.date("day", day);
        q.tillNo = tillNo;
        q.cashier = cashier;
        CashierReconciliation r = service.reconcile(q);
        ShellTable table = table("Method", "Orders", "Refunds", "Expected", "Counted", "Difference", "Result");
        for (CashierLine l : r.lines) {
            table.addRow().addContent(l.method, l.orders, l.refunds, l.expected, l.counted == null ? "" : l.counted,
                    l.difference == null ? "" : l.difference, l.result);
        }
        table.addRow().addContent("TOTAL", "", "", r.expected, r.counted == null ? "" : r.counted, r.difference == null ? "" : r.difference, "");
        table.print(System.out);
        System.out.println("POS mobile total = " + r.mobileNetReceived + " net received + " + r.discount + " discount = " + r.posMobileTotal);
        return null;
    }
}
