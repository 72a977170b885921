package io.tessera.reporting.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.platform.api.jobs.Job;
import io.tessera.reporting.api.ReadModelService;
import io.tessera.reporting.api.ReadModelStatus;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "report", name = "rebuild", description = "Rebuilds the reporting read model from the payments and wallets domains (a job); --status shows what it holds")
public class RebuildCommand extends ConsoleAction {

    @Option(name = "--status", description = "Only show what the read model holds and the last rebuild")
    boolean status;

    @Reference
    private ReadModelService model;

    @Override
    protected Object run() {
        if (!status) {
            Job job = model.rebuild();
            System.out.println("rebuild started: job " + job.id + " (platform:jobs, or GET /api/v1/jobs/" + job.id + ")");
            return null;
        }
        ReadModelStatus s = model.status();
        System.out.println(s.payments + " paid order(s), " + s.refunds + " refund(s), " + s.walletEntries + " journal row(s)");
        if (s.lastRebuild != null) {
            System.out.println("last rebuild: job " + s.lastRebuild.id + " " + s.lastRebuild.status
                    + (s.lastRebuild.message == null ? "" : " (" + s.lastRebuild.message + ")"));
        }
        return null;
    }
}
