package io.tessera.platform.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.codes.OutboxMessage;
import io.tessera.platform.api.codes.OutboxService;
import java.time.temporal.ChronoUnit;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "platform", name = "outbox", description = "Lists the text messages kept by the default SMS sender, newest first")
public class OutboxCommand extends ConsoleAction {

    @Reference
    private OutboxService outbox;

    @Argument(index = 0, name = "phone", description = "Only messages to this phone", required = false)
    private String phone;

    @Option(name = "-n", aliases = "--limit", description = "How many messages (default 20)")
    private int limit = 20;

    @Override
    protected Object run() throws Exception {
        ShellTable table = table("Id", "Phone", "Sent", "Text");
        for (OutboxMessage m : outbox.recent(phone, limit)) {
            table.addRow().addContent(m.getId(), m.getPhone(),
                    m.getCreatedAt().atZone(BusinessTime.ZONE).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS), m.getText());
        }
        table.print(System.out);
        return null;
    }
}
