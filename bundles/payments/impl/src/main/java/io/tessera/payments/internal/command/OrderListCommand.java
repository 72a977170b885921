package io.tessera.payments.internal.command;

import io.tessera.payments.api.Order;
import io.tessera.payments.api.OrderQuery;
import io.tessera.payments.api.OrderQueryService;
import io.tessera.payments.api.OrderState;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.console.ConsoleAction;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "order", name = "list", description = "Lists orders, newest first, by store, member and state")
public class OrderListCommand extends ConsoleAction {

    @Reference
    private OrderQueryService orders;

    @Option(name = "-s", aliases = "--store", description = "Store id")
    @Completion(StoreIdCompleter.class)
    private Long store;

    @Option(name = "-m", aliases = "--member", description = "Member id")
    private Long member;

    @Option(name = "--state", description = "CREATED, PAID, PARTIALLY_REFUNDED, REFUNDED or CLOSED")
    @Completion(value = StringsCompleter.class, values = {"CREATED", "PAID", "PARTIALLY_REFUNDED", "REFUNDED", "CLOSED"})
    private OrderState state;

    @Option(name = "-n", aliases = "--size", description = "How many (default 20, at most 200)")
    private int size = 20;

    @Override
    protected Object run() {
        OrderQuery q = new OrderQuery();
        q.storeId = store;
        q.memberId = member;
        q.state = state;
        q.size = size;
        Page<Order> page = orders.list(q);
        ShellTable table = table("Order", "POS no", "Store", "Member", "State", "Gross", "Discount", "Payable", "Paid", "Refunded", "Created");
        for (Order o : page.getItems()) {
            table.addRow().addContent(o.orderNo, o.posOrderNo, o.storeId, o.memberId, o.state, o.gross, o.discount, o.payable, o.paid,
                    o.refunded, o.createdAt.toLocalDateTime());
        }
        table.print(System.out);
        System.out.println(page.getItems().size() + " of " + page.getTotal() + " order(s)");
        return null;
    }
}
