package io.tessera.members.internal.command;

import io.tessera.members.api.Level;
import io.tessera.members.api.LevelService;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "member", name = "level-list", description = "Lists member levels with their holders")
public class LevelListCommand implements Action {

    @Reference
    private LevelService levels;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Id", "Name", "Threshold", "Discount rate", "Members"}) {
            table.column(c);
        }
        CallerContext.runAs(Caller.system("console"), () -> {
            for (Level l : levels.list()) {
                table.addRow().addContent(l.id, l.name, l.threshold, l.discountRate, l.memberCount);
            }
        });
        table.print(System.out);
        return null;
    }
}
