package io.tessera.org.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.org.api.StoreRequest;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "org", name = "store-create", description = "Creates a store")
public class StoreCreateCommand extends ConsoleAction {

    @Reference
    private OrgService org;

    @Argument(index = 0, name = "code", required = true, description = "Store code, e.g. 103")
    private String code;

    @Argument(index = 1, name = "name", required = true, description = "Store name, e.g. 蓝色港湾健康中心")
    private String name;

    @Argument(index = 2, name = "format", required = true, description = "Format code, e.g. HEALTH_CENTER")
    @Completion(FormatCodeCompleter.class)
    private String format;

    @Override
    protected Object run() throws Exception {
        StoreRequest r = new StoreRequest();
        r.code = code;
        r.name = name;
        r.formatCode = format;
        Store s = org.createStore(r);
        System.out.println("Store " + s.id + " created: " + s.label());
        return null;
    }
}
