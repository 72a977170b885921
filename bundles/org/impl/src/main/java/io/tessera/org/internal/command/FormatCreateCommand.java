package io.tessera.org.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.org.api.BusinessFormat;
import io.tessera.org.api.OrgService;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "org", name = "format-create", description = "Creates a store format (业态); without arguments lists them")
public class FormatCreateCommand extends ConsoleAction {

    @Reference
    private OrgService org;

    @Argument(index = 0, name = "code", required = false, description = "Format code, e.g. PHARMACY")
    private String code;

    @Argument(index = 1, name = "name", required = false, description = "Format name, e.g. 药房")
    private String name;

    @Override
    protected Object run() throws Exception {
        if (code != null) {
            BusinessFormat f = new BusinessFormat();
            f.code = code;
            f.name = name;
            org.createFormat(f);
        }
        ShellTable table = table("Code", "Name");
        org.listFormats().forEach(f -> table.addRow().addContent(f.code, f.name));
        table.print(System.out);
        return null;
    }
}
