package io.tessera.reporting.internal.command;

import io.tessera.reporting.api.OverviewLine;
import io.tessera.reporting.api.OverviewReport;
import io.tessera.reporting.api.ReportService;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "report", name = "overview", description = "概览数据: members, sales, stored value, coupons and points per day or month")
public class OverviewCommand extends ReportArgs {

    @Reference
    private ReportService reports;

    @Override
    protected Object run() {
        OverviewReport r = reports.overview(query(null));
        ShellTable table = table(r.grain.equals("DAY") ? "Day" : "Month", "Members", "New", "Sales", "Sales amount", "Recharges", "Recharged",
                "Consumptions", "Consumed", "Coupons claimed", "Redeemed", "Discount", "Points issued", "Spent");
        for (OverviewLine l : r.periods) {
            row(table, l.period, l);
        }
        row(table, "TOTAL", r.total);
        table.print(System.out);
        return null;
    }

    private static void row(ShellTable table, String name, OverviewLine l) {
        table.addRow().addContent(name, l.members, l.newMembers, l.sales, l.salesAmount, l.recharges, l.rechargeAmount, l.consumptions,
                l.consumptionAmount, l.couponsClaimed, l.couponsRedeemed, l.couponDiscount, l.pointsIssued, l.pointsSpent);
    }
}
