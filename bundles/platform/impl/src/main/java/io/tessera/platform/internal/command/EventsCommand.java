package io.tessera.platform.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.events.EventDelivery;
import io.tessera.platform.internal.events.EventLog;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "platform", name = "events", description = "The event outbox: deliveries to consumers by status (PENDING, DONE, FAILED); --retry sends a FAILED one again")
public class EventsCommand extends ConsoleAction {

    @Reference
    private EventLog log;

    @Option(name = "-s", aliases = "--status", description = "Only deliveries in this status")
    @Completion(value = StringsCompleter.class, values = {"PENDING", "DONE", "FAILED"})
    private String status;

    @Option(name = "-c", aliases = "--consumer", description = "Only deliveries to this consumer, e.g. members.wallet-activity")
    private String consumer;

    @Option(name = "-r", aliases = "--retry", description = "Send this FAILED delivery (its id) again")
    private Long retry;

    @Option(name = "-n", aliases = "--size", description = "How many a page, newest first (default 20, at most 200)")
    private int size = 20;

    @Option(name = "-p", aliases = "--page", description = "Page number (default 1)")
    private int page = 1;

    @Override
    protected Object run() throws Exception {
        if (retry != null) {
            EventDelivery d = log.retry(retry);
            System.out.println("Delivery " + d.id + " (event " + d.eventId + ", " + d.topic + " to " + d.consumer + ") is PENDING again");
            return null;
        }
        EventDelivery.Status wanted = status == null ? null : EventDelivery.Status.valueOf(status.trim().toUpperCase());
        Page<EventDelivery> list = log.list(wanted, consumer, null, page, size);
        ShellTable table = table("Id", "Event", "Topic", "Aggregate", "Consumer", "Status", "Attempts", "Created", "Last error");
        for (EventDelivery d : list.getItems()) {
            table.addRow().addContent(d.id, d.eventId, d.topic, d.aggregate, d.consumer, d.status, d.attempts, d.createdAt,
                    d.lastError == null ? "" : d.lastError);
        }
        table.print(System.out);
        System.out.println("Page " + list.getPage() + ", " + list.getTotal() + " deliveries in all; by status: "
                + log.counts());
        return null;
    }
}
