package io.tessera.reporting.internal.command;

import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.reporting.api.ReportQuery;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;

/** The options every report command has. */
abstract class ReportArgs extends io.tessera.platform.api.console.ConsoleAction {

    @Option(name = "--from", description = "First business day, yyyy-MM-dd", required = true)
    String from;

    @Option(name = "--to", description = "Last business day, yyyy-MM-dd (default: the first)")
    String to;

    @Option(name = "--store", description = "One store's id")
    @Completion(StoreIdCompleter.class)
    Long storeId;

    @Option(name = "--format", description = "One business format's code")
    String formatCode;

    ReportQuery query(PaymentMethod method) {
        ReportQuery q = new ReportQuery();
        q.from = Checks.date("from", from);
        q.to = to == null ? q.from : Checks.date("to", to);
        q.storeId = storeId;
        q.formatCode = formatCode;
        q.method = method;
        return q;
    }

    static String amount(Money m) {
        return m == null ? "n/a" : m.toString();
    }
}
