package io.tessera.reporting.internal.command;

import io.tessera.platform.api.Checks;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.platform.api.jobs.Job;
import io.tessera.reporting.api.BillService;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "report", name = "fetch-bills", description = "Asks a channel for each merchant account's bill of a day and reconciles it against Tessera (a job)")
public class FetchBillsCommand extends ConsoleAction {

    @Option(name = "--method", description = "WECHAT or ALIPAY", required = true)
    PaymentMethod method;

    @Option(name = "--day", description = "The bill's day, yyyy-MM-dd", required = true)
    String day;

    @Reference
    private BillService bills;

    @Override
    protected Object run() {
        Job job = bills.fetch(method, Checks.date("day", day));
        System.out.println("reconciling: job " + job.id + " (platform:jobs, then report:bills)");
        return null;
    }
}
