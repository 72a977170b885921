package io.tessera.platform.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.jobs.JobService;
import io.tessera.platform.api.Page;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "platform", name = "jobs", description = "Background jobs (imports, exports): status, progress, outcome")
public class JobListCommand extends ConsoleAction {

    @Reference
    private JobService jobs;

    @Option(name = "-t", aliases = "--type", description = "Only jobs of this type, e.g. cards.import")
    private String type;

    @Option(name = "-n", aliases = "--size", description = "How many a page, newest first (default 20, at most 200)")
    private int size = 20;

    @Option(name = "-p", aliases = "--page", description = "Page number (default 1)")
    private int page = 1;

    @Override
    protected Object run() throws Exception {
        Page<Job> list = jobs.list(type, page, size);
        ShellTable table = table("Id", "Type", "Status", "%", "Counters", "Owner", "Created", "Message");
        for (Job j : list.getItems()) {
            table.addRow().addContent(j.id, j.type, j.status, j.percent == null ? "" : j.percent, j.counters,
                    j.owner, j.createdAt, j.message == null ? "" : j.message);
        }
        table.print(System.out);
        System.out.println("Page " + list.getPage() + ", " + list.getTotal() + " job(s) in all");
        return null;
    }
}
