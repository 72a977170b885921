package io.tessera.reporting.internal.command;

import io.tessera.reporting.api.PaymentMethodReport;
import io.tessera.reporting.api.PaymentMethodRow;
import io.tessera.reporting.api.ReportService;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "report", name = "payment-methods", description = "支付方式报表: per method the sale orders, refunds, net received, fee and settlement of the days")
public class PaymentMethodsCommand extends ReportArgs {

    @Reference
    private ReportService reports;

    @Override
    protected Object run() {
        PaymentMethodReport r = reports.paymentMethods(query(null));
        ShellTable table = table("Method", "Orders", "Refund amount", "Refunds", "Net received", "Fee", "Settlement");
        for (PaymentMethodRow row : r.rows) {
            add(table, row.method.name(), row);
        }
        add(table, "TOTAL", r.total);
        table.print(System.out);
        return null;
    }

    private static void add(ShellTable table, String name, PaymentMethodRow row) {
        table.addRow().addContent(name, row.orders, row.refundAmount, row.refunds, row.netReceived, amount(row.fee), amount(row.settlement));
    }
}
