package io.tessera.reporting.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.reporting.api.BillDifference;
import io.tessera.reporting.api.BillService;
import io.tessera.reporting.api.DifferenceState;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "report", name = "bill", description = "A reconciled bill's differences (default: the open ones); --close closes its day when none is left")
public class BillCommand extends ConsoleAction {

    @Argument(index = 0, name = "id", description = "The bill's id (report:bills)", required = true)
    long id;

    @Option(name = "--state", description = "WAITING, OPEN, RESOLVED or CLEARED (default OPEN)")
    DifferenceState state = DifferenceState.OPEN;

    @Option(name = "--close", description = "Close the bill's day (refused while a difference is open or waiting)")
    boolean close;

    @Reference
    private BillService bills;

    @Override
    protected Object run() {
        if (close) {
            var b = bills.close(id);
            System.out.println("bill " + b.id + " of " + b.day + " closed by " + b.closedBy);
            return null;
        }
        var page = bills.differences(id, state, 1, 200);
        ShellTable table = table("Id", "Kind", "State", "Trade no", "Order no", "Tessera amount", "Bill amount", "Tessera fee", "Bill fee", "Bill state",
                "Resolution", "Reason");
        for (BillDifference d : page.getItems()) {
            table.addRow().addContent(d.id, d.kind, d.state, d.tradeNo, d.orderNo, d.tesseraAmount, d.billAmount, d.tesseraFee, d.billFee, d.billState,
                    d.resolution, d.reason);
        }
        table.print(System.out);
        System.out.println(page.getTotal() + " difference(s) " + state);
        return null;
    }
}
