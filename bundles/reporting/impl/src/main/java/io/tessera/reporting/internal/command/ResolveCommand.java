package io.tessera.reporting.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.reporting.api.BillDifference;
import io.tessera.reporting.api.BillService;
import io.tessera.reporting.api.Resolution;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "report", name = "resolve", description = "Resolves an open bill difference: who wins (CHANNEL_WINS or TESSERA_WINS) and why; recorded and audited, no money moves")
public class ResolveCommand extends ConsoleAction {

    @Argument(index = 0, name = "id", description = "The difference's id (report:bill)", required = true)
    long id;

    @Option(name = "--wins", description = "CHANNEL_WINS or TESSERA_WINS", required = true)
    Resolution resolution;

    @Option(name = "--reason", description = "Why (up to 500 characters)", required = true)
    String reason;

    @Reference
    private BillService bills;

    @Override
    protected Object run() {
        BillDifference d = bills.resolve(id, resolution, reason);
        System.out.println("difference " + d.id + " (" + d.kind + ", " + d.tradeNo + ") " + d.state + ": " + d.resolution + " by " + d.resolvedBy);
        return null;
    }
}
