package io.tessera.marketing.internal.command;

import io.tessera.marketing.api.ActivityService;
import io.tessera.marketing.api.Reward;
import io.tessera.marketing.api.RewardState;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.console.ConsoleAction;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "marketing", name = "rewards", description = "Lists rewards, newest first: whom, what, why, and whether they were given (or why not)")
public class MarketingRewardsCommand extends ConsoleAction {

    @Reference
    private ActivityService activities;

    @Option(name = "-a", aliases = "--activity", description = "Only this activity's rewards")
    private Long activityId;

    @Option(name = "-m", aliases = "--member", description = "Only this member's rewards")
    private Long memberId;

    @Option(name = "--state", description = "PENDING, DONE or REFUSED")
    @Completion(value = StringsCompleter.class, values = {"PENDING", "DONE", "REFUSED"})
    private RewardState state;

    @Option(name = "-n", aliases = "--size", description = "How many (default 20, at most 200)")
    private int size = 20;

    @Override
    protected Object run() {
        Page<Reward> page = activities.rewards(activityId, memberId, state, 1, size);
        ShellTable table = table("Id", "Activity", "Member", "Role", "Reward", "Source", "State", "Given", "Why not");
        for (Reward r : page.getItems()) {
            String what = r.amount != null ? r.amount + " bonus" : r.points != null ? r.points + " points" : "template " + r.templateId;
            table.addRow().addContent(r.id, r.activityId, r.memberId, r.role, what,
                    r.source, r.state, r.couponNo != null ? "coupon " + r.couponNo : r.earningId != null ? "earning " + r.earningId : "",
                    r.code == null ? "" : r.code);
        }
        table.print(System.out);
        System.out.println(page.getItems().size() + " of " + page.getTotal() + " reward(s)");
        return null;
    }
}
