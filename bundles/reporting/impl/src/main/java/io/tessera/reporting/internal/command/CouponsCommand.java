package io.tessera.reporting.internal.command;

import io.tessera.reporting.api.CouponLine;
import io.tessera.reporting.api.CouponReport;
import io.tessera.reporting.api.ReportService;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "report", name = "coupons", description = "优惠券统计: coupons claimed, redeemed (and their discount) and returned per day or month")
public class CouponsCommand extends ReportArgs {

    @Reference
    private ReportService reports;

    @Override
    protected Object run() {
        CouponReport r = reports.coupons(query(null));
        ShellTable table = table(r.grain.equals("DAY") ? "Day" : "Month", "Claimed", "Redeemed", "Discount", "Returned", "Returned discount");
        for (CouponLine l : r.periods) {
            row(table, l.period, l);
        }
        row(table, "TOTAL", r.total);
        table.print(System.out);
        return null;
    }

    private static void row(ShellTable table, String name, CouponLine l) {
        table.addRow().addContent(name, l.claimed, l.redeemed, l.discount, l.returned, l.returnedDiscount);
    }
}
