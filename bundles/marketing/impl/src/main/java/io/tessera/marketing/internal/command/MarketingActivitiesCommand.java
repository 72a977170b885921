package io.tessera.marketing.internal.command;

import io.tessera.marketing.api.Activity;
import io.tessera.marketing.api.ActivityService;
import io.tessera.marketing.api.ActivityStatus;
import io.tessera.marketing.api.ActivityType;
import io.tessera.marketing.api.RewardSpec;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.console.ConsoleAction;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "marketing", name = "activities", description = "Lists the marketing activities, newest first: window, stores, budget used, rewards, state")
public class MarketingActivitiesCommand extends ConsoleAction {

    @Reference
    private ActivityService activities;

    @Option(name = "-t", aliases = "--type", description = "REFERRAL, COUPON_SEND or RECHARGE")
    @Completion(value = StringsCompleter.class, values = {"REFERRAL", "COUPON_SEND", "RECHARGE"})
    private ActivityType type;

    @Option(name = "--status", description = "DRAFT, ACTIVE, PAUSED or ENDED")
    @Completion(value = StringsCompleter.class, values = {"DRAFT", "ACTIVE", "PAUSED", "ENDED"})
    private ActivityStatus status;

    @Option(name = "-n", aliases = "--size", description = "How many (default 20, at most 200)")
    private int size = 20;

    @Override
    protected Object run() {
        Page<Activity> page = activities.list(type, status, 1, size);
        ShellTable table = table("Id", "Name", "Type", "Trigger", "Window", "Stores", "Used/Budget", "Per member", "Rewards", "Status", "Version");
        for (Activity a : page.getItems()) {
            table.addRow().addContent(a.id, a.name, a.type, a.trigger != null ? a.trigger : a.rechargeFrom != null ? "recharge ≥ " + a.rechargeFrom : "", a.startsAt.toLocalDate() + ".." + a.endsAt.toLocalDate(),
                    a.storeIds.isEmpty() ? "all" : a.storeIds, a.used + "/" + (a.budget == null ? "-" : a.budget),
                    a.perMemberLimit == null ? "-" : a.perMemberLimit, a.rewards.stream().map(MarketingActivitiesCommand::reward)
                            .collect(Collectors.joining(", ")), a.status, a.version);
        }
        table.print(System.out);
        System.out.println(page.getItems().size() + " of " + page.getTotal() + " activit" + (page.getTotal() == 1 ? "y" : "ies"));
        return null;
    }

    static String reward(RewardSpec r) {
        return r.role + ": " + (r.amount != null ? r.amount + " bonus" : r.points != null ? r.points + " points" : "coupon of template " + r.templateId);
    }
}
