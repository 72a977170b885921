package io.tessera.platform.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.platform.internal.schedule.Scheduler;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "platform", name = "tasks", description = "Scheduled tasks: interval (etc/io.tessera.scheduler.cfg), next run, last run and its outcome, which node holds it")
public class TasksCommand extends ConsoleAction {

    @Reference
    private Scheduler scheduler;

    @Override
    protected Object run() throws Exception {
        ShellTable table = table("Task", "Enabled", "Interval", "Next run", "Last run", "Outcome", "Running on");
        for (Scheduler.TaskState t : scheduler.states()) {
            table.addRow().addContent(t.name(), t.enabled(), t.interval(), t.nextRun() == null ? "" : t.nextRun(),
                    t.lastRunAt() == null ? "" : t.lastRunAt(), t.outcome() == null ? "" : t.outcome(), t.holder() == null ? "" : t.holder());
        }
        table.print(System.out);
        return null;
    }
}
