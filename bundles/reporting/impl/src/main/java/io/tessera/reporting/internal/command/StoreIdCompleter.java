package io.tessera.reporting.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.CallerContext;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

@Service
public class StoreIdCompleter implements Completer {

    @Reference
    private OrgService org;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        CallerContext.runAs(ConsoleAction.consoleCaller(), () -> org.listStores(null).forEach(s -> delegate.getStrings().add(String.valueOf(s.id))));
        return delegate.complete(session, commandLine, candidates);
    }
}
