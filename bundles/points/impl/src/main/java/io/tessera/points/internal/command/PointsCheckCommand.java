package io.tessera.points.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.points.api.PointsCheck;
import io.tessera.points.api.PointsService;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "points", name = "check", description = "Checks the points books: every balance against its journal and lots, every lot against its moves, every journal without gaps")
public class PointsCheckCommand extends ConsoleAction {

    @Reference
    private PointsService points;

    @Override
    protected Object run() {
        PointsCheck c = points.check();
        System.out.println(c.accounts + " account(s), " + c.lots + " lot(s), " + c.entries + " journal row(s); " + c.outstanding
                + " points outstanding");
        if (c.violations.isEmpty()) {
            System.out.println("the books agree");
        } else {
            c.violations.forEach(System.out::println);
        }
        return null;
    }
}
