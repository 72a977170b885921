package io.tessera.members.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.members.api.LevelService;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "member", name = "level-delete", description = "Deletes a level; members holding it need --move-to")
public class LevelDeleteCommand extends ConsoleAction {

    @Reference
    private LevelService levels;

    @Argument(index = 0, name = "levelId", required = true, description = "Level to delete")
    @Completion(LevelIdCompleter.class)
    private long levelId;

    @Option(name = "-m", aliases = "--move-to", description = "Level that takes over the members")
    @Completion(LevelIdCompleter.class)
    private Long moveTo;

    @Override
    protected Object run() throws Exception {
        levels.delete(levelId, moveTo);
        System.out.println("Level " + levelId + " deleted");
        return null;
    }
}
