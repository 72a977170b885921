package io.tessera.coupons.internal.command;

import io.tessera.coupons.api.Coupon;
import io.tessera.coupons.api.CouponQueryService;
import io.tessera.platform.api.console.ConsoleAction;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "coupon", name = "show", description = "Shows a coupon: its template, owner, state, validity and history (claimed, gifted, used, returned...)")
public class CouponShowCommand extends ConsoleAction {

    @Reference
    private CouponQueryService coupons;

    @Argument(index = 0, name = "couponNo", required = true, description = "The coupon's 18-digit number")
    private String couponNo;

    @Override
    protected Object run() {
        Coupon c = coupons.get(couponNo);
        System.out.println(c.no + "  " + c.templateName + " (template " + c.templateId + ", " + c.kind + ")  member " + c.memberId + "  "
                + c.state + "  valid " + c.validFrom + ".." + c.validTo + (c.orderNo == null ? "" : "  order " + c.orderNo)
                + (c.gifted ? "  (a gift)" : ""));
        ShellTable history = table("When", "What", "From", "To", "Order", "Refund", "By", "Note");
        for (Coupon.History h : c.history) {
            history.addRow().addContent(h.at.toLocalDateTime(), h.type, h.fromMemberId == null ? "" : h.fromMemberId,
                    h.toMemberId == null ? "" : h.toMemberId, h.orderNo == null ? "" : h.orderNo, h.refundNo == null ? "" : h.refundNo, h.operator,
                    h.note == null ? "" : h.note);
        }
        history.print(System.out);
        return null;
    }
}
