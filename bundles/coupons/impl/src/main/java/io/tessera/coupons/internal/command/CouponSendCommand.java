package io.tessera.coupons.internal.command;

import io.tessera.coupons.api.Coupon;
import io.tessera.coupons.api.CouponService;
import io.tessera.coupons.api.Requests;
import io.tessera.coupons.api.SendResult;
import io.tessera.platform.api.console.ConsoleAction;
import java.util.List;
import java.util.UUID;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "coupon", name = "send", description = "Sends coupons of an active template to members (listed ids), or to a segment as a job "
        + "(--level, --store, --all). Run again with the same --key to finish a send without sending anyone twice")
public class CouponSendCommand extends ConsoleAction {

    @Reference
    private CouponService coupons;

    @Argument(index = 0, name = "templateId", required = true, description = "The template")
    @Completion(TemplateIdCompleter.class)
    private long templateId;

    @Argument(index = 1, name = "memberIds", multiValued = true, description = "Member ids (at most 200)")
    private List<Long> memberIds;

    @Option(name = "--level", description = "Every member of this level id")
    private Long level;

    @Option(name = "--store", description = "Every member registered at this store id")
    private Long store;

    @Option(name = "--all", description = "Every active member")
    private boolean all;

    @Option(name = "--ignore-limits", description = "Send beyond the per-member and per-day limits (the stock still holds)")
    private boolean ignoreLimits;

    @Option(name = "--key", description = "The send's idempotency key (default: a new one, printed)")
    private String key;

    @Override
    protected Object run() {
        Requests.Send r = new Requests.Send();
        r.templateId = templateId;
        r.memberIds = memberIds;
        r.levelId = level;
        r.registeredStoreId = store;
        r.allMembers = all ? Boolean.TRUE : null;
        r.ignoreMemberLimits = ignoreLimits ? Boolean.TRUE : null;
        String k = key == null ? "console-" + UUID.randomUUID() : key;
        SendResult result = coupons.send(r, k);
        System.out.println("key " + k);
        if (result.job != null) {
            System.out.println("job " + result.job.id + " sends to " + result.target.toLowerCase() + ": follow it with platform:jobs");
            return null;
        }
        for (Coupon c : result.sent) {
            System.out.println("sent " + c.no + " to member " + c.memberId);
        }
        for (SendResult.Refused no : result.refused) {
            System.out.println("not sent to member " + no.memberId + ": " + no.code + " " + no.message);
        }
        return null;
    }
}
