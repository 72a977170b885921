package io.tessera.reporting.internal.command;

import io.tessera.reporting.api.ReportService;
import io.tessera.reporting.api.StoredValueLine;
import io.tessera.reporting.api.StoredValueReport;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "report", name = "stored-value", description = "储值数据: stored value moved per type (recharge, consumption, refund, returned card...) and per day or month, and the net")
public class StoredValueCommand extends ReportArgs {

    @Reference
    private ReportService reports;

    @Override
    protected Object run() {
        StoredValueReport r = reports.storedValue(query(null));
        ShellTable table = table("Type / " + (r.grain.equals("DAY") ? "day" : "month"), "Rows", "Principal", "Bonus", "Amount");
        for (StoredValueLine l : r.types) {
            table.addRow().addContent(l.type, l.entries, l.principal, l.bonus, l.amount);
        }
        for (StoredValueLine l : r.periods) {
            table.addRow().addContent(l.period, l.entries, l.principal, l.bonus, l.amount);
        }
        table.addRow().addContent("NET", r.net.entries, r.net.principal, r.net.bonus, r.net.amount);
        table.print(System.out);
        return null;
    }
}
