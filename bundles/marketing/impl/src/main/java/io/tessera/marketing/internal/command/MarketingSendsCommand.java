package io.tessera.marketing.internal.command;

import io.tessera.marketing.api.Send;
import io.tessera.marketing.api.SendService;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.console.ConsoleAction;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "marketing", name = "sends", description = "Lists direct sends, newest first: activity, segment, when, state, members reached, rewarded and skipped, job")
public class MarketingSendsCommand extends ConsoleAction {

    @Reference
    private SendService sends;

    @Option(name = "-a", aliases = "--activity", description = "Only this activity's sends")
    private Long activityId;

    @Option(name = "-n", aliases = "--size", description = "How many (default 20, at most 200)")
    private int size = 20;

    @Override
    protected Object run() {
        Page<Send> page = sends.list(activityId, 1, size);
        ShellTable table = table("Id", "Activity", "Segment", "Run at", "State", "Reached", "Rewarded", "Skipped", "Job", "Message");
        for (Send s : page.getItems()) {
            table.addRow().addContent(s.id, s.activityId, s.segment.kind, s.runAt.toLocalDateTime().withNano(0), s.state, s.reached, s.rewarded,
                    s.skipped, s.jobId == null ? "" : s.jobId, s.message == null ? "" : s.message);
        }
        table.print(System.out);
        System.out.println(page.getItems().size() + " of " + page.getTotal() + " send(s)");
        return null;
    }
}
