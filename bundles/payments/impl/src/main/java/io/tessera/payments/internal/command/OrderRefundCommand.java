package io.tessera.payments.internal.command;

import io.tessera.payments.api.CheckoutService;
import io.tessera.payments.api.Refund;
import io.tessera.payments.api.Requests;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.console.ConsoleAction;
import java.util.UUID;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "order", name = "refund", description = "Refunds an amount of a paid order, back to its tenders in proportion; audited under the console admin's name")
public class OrderRefundCommand extends ConsoleAction {

    @Reference
    private CheckoutService checkout;

    @Argument(index = 0, name = "orderNo", required = true, description = "Tessera's order no (T...)")
    @Completion(OrderNoCompleter.class)
    private String orderNo;

    @Argument(index = 1, name = "amount", required = true, description = "Amount to give back, e.g. 12.50")
    private String amount;

    @Option(name = "-r", aliases = "--reason", description = "Why (kept with the refund)")
    private String reason;

    @Option(name = "-k", aliases = "--key", description = "Idempotency key: the same key again answers the first refund and moves nothing (default: a new key)")
    private String key;

    @Override
    protected Object run() {
        Requests.Refund r = new Requests.Refund();
        r.amount = Money.parse(amount);
        r.reason = reason;
        Refund done = checkout.refund(orderNo, r, key == null ? "console-" + UUID.randomUUID() : key);
        System.out.println(done.refundNo + " " + done.state + " " + done.amount);
        done.tenders.forEach(p -> System.out.println("  " + p.method + " " + p.amount + (p.walletEntryId == null ? "" : " (journal " + p.walletEntryId + ")")));
        return null;
    }
}
