package io.tessera.org.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.org.api.Operator;
import io.tessera.org.api.OperatorRequest;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

@Service
@Command(scope = "org", name = "operator-create",
        description = "Creates an operator; the first HQ admin of a new install is created this way")
public class OperatorCreateCommand extends ConsoleAction {

    @Reference
    private OrgService org;

    @Argument(index = 0, name = "employeeNo", required = true, description = "Employee no")
    private String employeeNo;

    @Argument(index = 1, name = "name", required = true, description = "Name")
    private String name;

    @Argument(index = 2, name = "phone", required = true, description = "Mainland mobile number used to log in")
    private String phone;

    @Option(name = "-r", aliases = "--role", required = true, multiValued = true, description = "Role (repeatable)")
    @Completion(value = StringsCompleter.class, values = {"CLERK", "STORE_MANAGER", "FINANCE", "HQ_ADMIN"})
    private List<String> roles;

    @Option(name = "-s", aliases = "--store", multiValued = true, description = "Store id (repeatable; not for HQ roles)")
    @Completion(StoreIdCompleter.class)
    private List<Long> stores;

    @Override
    protected Object run() throws Exception {
        OperatorRequest r = new OperatorRequest();
        r.employeeNo = employeeNo;
        r.name = name;
        r.phone = phone;
        r.roles = EnumSet.noneOf(Role.class);
        roles.forEach(x -> r.roles.add(Role.valueOf(x.trim().toUpperCase())));
        r.storeIds = stores == null ? new TreeSet<>() : new TreeSet<>(stores);
        Operator o = org.createOperator(r);
        System.out.println("Operator " + o.id + " (" + o.employeeNo + ") created; logs in with SMS code");
        return null;
    }
}
