package io.tessera.coupons.internal.command;

import io.tessera.coupons.api.CouponKind;
import io.tessera.coupons.api.CouponTemplate;
import io.tessera.coupons.api.CouponTemplateService;
import io.tessera.coupons.api.TemplateQuery;
import io.tessera.coupons.api.TemplateStatus;
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
@Command(scope = "coupon", name = "template-list", description = "Lists coupon templates, newest first: kind, terms, stock issued, state")
public class TemplateListCommand extends ConsoleAction {

    @Reference
    private CouponTemplateService templates;

    @Option(name = "-k", aliases = "--kind", description = "CASH, THRESHOLD, SINGLE_ITEM, EXCHANGE or DISCOUNT")
    @Completion(value = StringsCompleter.class, values = {"CASH", "THRESHOLD", "SINGLE_ITEM", "EXCHANGE", "DISCOUNT"})
    private CouponKind kind;

    @Option(name = "--status", description = "DRAFT, ACTIVE or STOPPED")
    @Completion(value = StringsCompleter.class, values = {"DRAFT", "ACTIVE", "STOPPED"})
    private TemplateStatus status;

    @Option(name = "--name", description = "Name starts with")
    private String name;

    @Option(name = "-n", aliases = "--size", description = "How many (default 20, at most 200)")
    private int size = 20;

    @Override
    protected Object run() {
        TemplateQuery q = new TemplateQuery();
        q.kind = kind;
        q.status = status;
        q.name = name;
        q.size = size;
        Page<CouponTemplate> page = templates.list(q);
        ShellTable table = table("Id", "Name", "Kind", "Terms", "Min spend", "Stock", "Issued", "Per member", "Valid", "Status", "Store");
        for (CouponTemplate t : page.getItems()) {
            table.addRow().addContent(t.id, t.name, t.kind, terms(t), t.minSpend, t.stock == null ? "-" : t.stock, t.issued,
                    t.perMemberLimit == null ? "-" : t.perMemberLimit, t.validity == CouponTemplate.Validity.FIXED ? t.validFrom + ".." + t.validTo
                            : t.validDays + "d" + (t.startDelayDays > 0 ? " +" + t.startDelayDays : ""), t.status,
                    t.ownerStoreId == null ? "HQ" : t.ownerStoreId);
        }
        table.print(System.out);
        System.out.println(page.getItems().size() + " of " + page.getTotal() + " template(s)");
        return null;
    }

    static String terms(CouponTemplate t) {
        return switch (t.kind) {
            case CASH, THRESHOLD -> t.value + " off";
            case SINGLE_ITEM -> (t.singleItemMode == io.tessera.coupons.api.SingleItemMode.FIXED_PRICE ? "at " + t.value : t.value + " off")
                    + " per unit, " + t.maxUnits + " unit(s) of " + t.skus;
            case EXCHANGE -> t.maxUnits + " free unit(s) of " + t.skus;
            case DISCOUNT -> "pay " + t.discountRate.stripTrailingZeros().toPlainString() + (t.discountCap == null ? "" : ", at most " + t.discountCap
                    + " off");
        };
    }
}
