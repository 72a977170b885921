package io.tessera.payments.internal.command;

import io.tessera.payments.api.Order;
import io.tessera.payments.api.OrderLine;
import io.tessera.payments.api.OrderQueryService;
import io.tessera.payments.api.Refund;
import io.tessera.payments.api.Tender;
import io.tessera.platform.api.console.ConsoleAction;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "order", name = "show", description = "Shows an order: its lines with every discount, its tenders and its refunds")
public class OrderShowCommand extends ConsoleAction {

    @Reference
    private OrderQueryService orders;

    @Argument(index = 0, name = "orderNo", required = true, description = "Tessera's order no (T...)")
    @Completion(OrderNoCompleter.class)
    private String orderNo;

    @Override
    protected Object run() {
        Order o = orders.get(orderNo);
        System.out.println(o.orderNo + "  POS " + o.posOrderNo + "  store " + o.storeId + "  member " + o.memberId + "  " + o.kind + " "
                + o.state + "  gross " + o.gross + "  discount " + o.discount + "  payable " + o.payable + "  paid " + o.paid
                + "  refunded " + o.refunded);
        ShellTable lines = table("Line", "SKU", "Name", "Qty", "Unit", "Amount", "Discounts", "Payable", "Returned", "Refunded");
        for (OrderLine l : o.lines) {
            lines.addRow().addContent(l.lineNo, l.sku, l.name, l.quantity, l.unitPrice, l.amount,
                    l.discounts.stream().map(d -> d.source + (d.reference == null ? "" : " " + d.reference) + " " + d.amount)
                            .collect(Collectors.joining(", ")), l.payable, l.returnedQuantity, l.refunded);
        }
        lines.print(System.out);
        ShellTable tenders = table("Tender", "Method", "Amount", "Status", "Fee", "Refunded", "Reference");
        for (Tender t : o.tenders) {
            String ref = t.walletEntryId != null ? "journal " + t.walletEntryId : t.terminalRef != null ? t.terminalRef
                    : t.outTradeNo != null ? t.outTradeNo : t.change != null ? "change " + t.change : "";
            tenders.addRow().addContent(t.id, t.method, t.amount, t.status, t.fee, t.refunded, ref);
        }
        tenders.print(System.out);
        ShellTable refunds = table("Refund", "Amount", "State", "Reason", "Operator", "Time");
        for (Refund r : orders.refunds(orderNo)) {
            refunds.addRow().addContent(r.refundNo, r.amount, r.state, r.reason, r.operator, r.createdAt.toLocalDateTime());
        }
        refunds.print(System.out);
        return null;
    }
}
