package io.tessera.reporting.internal.command;

import io.tessera.reporting.api.PointsLine;
import io.tessera.reporting.api.PointsReport;
import io.tessera.reporting.api.ReportService;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "report", name = "points", description = "积分数据: points issued, spent, released, put back, expired, taken back and adjusted per day or month")
public class PointsCommand extends ReportArgs {

    @Reference
    private ReportService reports;

    @Override
    protected Object run() {
        PointsReport r = reports.points(query(null));
        ShellTable table = table(r.grain.equals("DAY") ? "Day" : "Month", "Issued", "Spent", "Released", "Put back", "Expired", "Taken back",
                "Adjusted", "Net");
        for (PointsLine l : r.periods) {
            row(table, l.period, l);
        }
        row(table, "TOTAL", r.total);
        table.print(System.out);
        return null;
    }

    private static void row(ShellTable table, String name, PointsLine l) {
        table.addRow().addContent(name, l.issued, l.spent, l.released, l.putBack, l.expired, l.takenBack, l.adjusted, l.net);
    }
}
