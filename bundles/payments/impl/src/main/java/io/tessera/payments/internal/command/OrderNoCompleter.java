package io.tessera.payments.internal.command;

import io.tessera.payments.api.OrderQuery;
import io.tessera.payments.api.OrderQueryService;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.console.ConsoleAction;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes an order no from the 50 newest orders. */
@Service
public class OrderNoCompleter implements Completer {

    @Reference
    private OrderQueryService orders;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        OrderQuery q = new OrderQuery();
        q.size = 50;
        CallerContext.runAs(ConsoleAction.consoleCaller(), () -> orders.list(q).getItems().forEach(o -> delegate.getStrings().add(o.orderNo)));
        return delegate.complete(session, commandLine, candidates);
    }
}
