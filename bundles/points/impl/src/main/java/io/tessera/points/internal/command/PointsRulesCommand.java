package io.tessera.points.internal.command;

import io.tessera.platform.api.Page;
import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.points.api.EarningRule;
import io.tessera.points.api.EarningRuleService;
import io.tessera.points.api.RuleKind;
import io.tessera.points.api.RuleStatus;
import io.tessera.points.api.TenderMode;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "points", name = "rules", description = "Lists the earning rules, newest first: what they earn, for which tenders and stores, caps, state")
public class PointsRulesCommand extends ConsoleAction {

    @Reference
    private EarningRuleService rules;

    @Option(name = "-k", aliases = "--kind", description = "SPEND or ACTIVITY")
    @Completion(value = StringsCompleter.class, values = {"SPEND", "ACTIVITY"})
    private RuleKind kind;

    @Option(name = "--status", description = "DRAFT, ACTIVE or STOPPED")
    @Completion(value = StringsCompleter.class, values = {"DRAFT", "ACTIVE", "STOPPED"})
    private RuleStatus status;

    @Option(name = "-n", aliases = "--size", description = "How many (default 20, at most 200)")
    private int size = 20;

    @Override
    protected Object run() {
        Page<EarningRule> page = rules.list(kind, status, 1, size);
        ShellTable table = table("Id", "Name", "Kind", "Earns", "Tenders", "Stores", "Caps", "Valid", "Priority", "Status", "Version");
        for (EarningRule r : page.getItems()) {
            String earns = r.fixedPoints != null ? r.fixedPoints + " points" : r.pointsPerYuan.stripTrailingZeros().toPlainString() + " per yuan";
            table.addRow().addContent(r.id, r.name, r.kind == RuleKind.SPEND ? "SPEND" : r.activity, earns,
                    r.tenderMode == TenderMode.ALL ? "all" : r.tenderMode + " " + r.tenders,
                    r.storeIds.isEmpty() && r.formatCodes.isEmpty() ? "all" : r.storeIds + " " + r.formatCodes,
                    (r.capPerOrder == null ? "-" : r.capPerOrder) + "/" + (r.capPerDay == null ? "-" : r.capPerDay),
                    (r.validFrom == null ? "" : r.validFrom) + ".." + (r.validTo == null ? "" : r.validTo), r.priority, r.status, r.version);
        }
        table.print(System.out);
        System.out.println(page.getItems().size() + " of " + page.getTotal() + " rule(s)");
        return null;
    }
}
