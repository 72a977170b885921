package io.tessera.coupons.internal.command;

import io.tessera.coupons.api.CouponTemplateService;
import io.tessera.coupons.api.TemplateQuery;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.console.ConsoleAction;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes a template id with the newest templates. */
@Service
public class TemplateIdCompleter implements Completer {

    @Reference
    private CouponTemplateService templates;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        TemplateQuery q = new TemplateQuery();
        q.size = 50;
        CallerContext.runAs(ConsoleAction.consoleCaller(), () -> templates.list(q).getItems()
                .forEach(t -> delegate.getStrings().add(String.valueOf(t.id))));
        return delegate.complete(session, commandLine, candidates);
    }
}
