package io.tessera.members.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.members.api.Level;
import io.tessera.members.api.LevelService;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "member", name = "level-list", description = "Lists member levels with their holders")
public class LevelListCommand extends ConsoleAction {

    @Reference
    private LevelService levels;

    @Override
    protected Object run() throws Exception {
        ShellTable table = table("Id", "Name", "Threshold", "Discount rate", "Members");
        for (Level l : levels.list()) {
            table.addRow().addContent(l.id, l.name, l.threshold, l.discountRate, l.memberCount);
        }
        table.print(System.out);
        return null;
    }
}
