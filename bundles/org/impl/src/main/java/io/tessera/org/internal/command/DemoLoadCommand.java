package io.tessera.org.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.org.api.DemoDataService;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "org", name = "demo-load", description = "Loads the demo chain (formats, stores incl. 103, one operator per role); idempotent")
public class DemoLoadCommand extends ConsoleAction {

    @Reference
    private DemoDataService demo;

    @Override
    protected Object run() throws Exception {
        System.out.println(demo.load());
        return null;
    }
}
