package io.tessera.members.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.members.api.LevelService;
import io.tessera.platform.api.CallerContext;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

@Service
public class LevelIdCompleter implements Completer {

    @Reference
    private LevelService levels;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        CallerContext.runAs(ConsoleAction.consoleCaller(),
                () -> levels.list().forEach(l -> delegate.getStrings().add(String.valueOf(l.id))));
        return delegate.complete(session, commandLine, candidates);
    }
}
