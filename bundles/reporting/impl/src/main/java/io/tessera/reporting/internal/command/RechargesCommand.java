package io.tessera.reporting.internal.command;

import io.tessera.platform.api.PaymentMethod;
import io.tessera.reporting.api.RechargeFigures;
import io.tessera.reporting.api.RechargeReport;
import io.tessera.reporting.api.ReportService;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "report", name = "recharges", description = "充值数据: recharge amount = paid + bonus, per method and per day or month, and the totals")
public class RechargesCommand extends ReportArgs {

    @Option(name = "--method", description = "Only recharges paid by this method (MEMBER, WECHAT, ALIPAY, CASH, POS_CARD)")
    PaymentMethod method;

    @Reference
    private ReportService reports;

    @Override
    protected Object run() {
        RechargeReport r = reports.recharges(query(method));
        ShellTable table = table(r.grain.equals("DAY") ? "Day" : "Month", "Recharges", "Recharge amount", "Paid", "Bonus", "Card fees", "Reversals",
                "Reversed");
        for (RechargeFigures f : r.periods) {
            add(table, f.period, f);
        }
        for (RechargeFigures f : r.methods) {
            add(table, f.method.name(), f);
        }
        add(table, "TOTAL", r.total);
        table.print(System.out);
        return null;
    }

    private static void add(ShellTable table, String name, RechargeFigures f) {
        table.addRow().addContent(name, f.recharges, f.rechargeAmount, f.paidAmount, f.bonusAmount, f.cardFees, f.reversals, f.reversedAmount);
    }
}
