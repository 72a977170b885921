package io.tessera.platform.api.console;

import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.ShellUtil;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * The base of every Tessera console command: {@link #run} runs as the admin logged in at the console
 * (a system caller named "console:&lt;user&gt;", which sees every store), so what a command changes is
 * audited under that admin's name; {@link #table} starts the table a listing prints.
 */
public abstract class ConsoleAction implements Action {

    @Override
    public final Object execute() throws Exception {
        Caller previous = CallerContext.find().orElse(null);
        CallerContext.set(consoleCaller());
        try {
            return run();
        } finally {
            if (previous == null) {
                CallerContext.clear();
            } else {
                CallerContext.set(previous);
            }
        }
    }

    /** The command's work, as the console's caller. */
    protected abstract Object run() throws Exception;

    /** The admin logged in at this console (SSH or local), as a caller; "console:local" when the session has no user. */
    public static Caller consoleCaller() {
        String user = ShellUtil.getCurrentUserName();
        return Caller.system("console:" + (user == null || user.isBlank() ? "local" : user));
    }

    /** A table with these columns, for a listing. */
    protected static ShellTable table(String... columns) {
        ShellTable table = new ShellTable();
        for (String c : columns) {
            table.column(c);
        }
        return table;
    }
}
