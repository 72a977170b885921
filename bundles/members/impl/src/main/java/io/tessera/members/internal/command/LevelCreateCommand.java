package io.tessera.members.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.members.api.Level;
import io.tessera.members.api.LevelService;
import java.math.BigDecimal;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "member", name = "level-create", description = "Creates a level and re-evaluates every member")
public class LevelCreateCommand extends ConsoleAction {

    @Reference
    private LevelService levels;

    @Argument(index = 0, name = "name", required = true, description = "Level name, e.g. 金卡会员")
    private String name;

    @Argument(index = 1, name = "threshold", required = true, description = "Experience needed")
    private long threshold;

    @Argument(index = 2, name = "discountRate", required = true, description = "Member discount rate, e.g. 0.95")
    private String rate;

    @Override
    protected Object run() throws Exception {
        Level l = new Level();
        l.name = name;
        l.threshold = threshold;
        l.discountRate = new BigDecimal(rate);
        Level created = levels.create(l);
        System.out.println("Level " + created.id + " created: " + created.name);
        return null;
    }
}
