package io.tessera.members.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberQuery;
import io.tessera.members.api.MemberService;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.Phones;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "member", name = "list", description = "Lists members, newest first (phones masked)")
public class MemberListCommand extends ConsoleAction {

    @Reference
    private MemberService members;

    @Option(name = "-s", aliases = "--store", description = "Registered store id")
    private Long storeId;

    @Option(name = "-n", aliases = "--name", description = "Name prefix")
    private String name;

    @Option(name = "-p", aliases = "--page", description = "Page (default 1)")
    private int page = 1;

    @Option(name = "--size", description = "Page size (default 20, at most 200)")
    private int size = 20;

    @Override
    protected Object run() throws Exception {
        MemberQuery q = new MemberQuery();
        q.storeId = storeId;
        q.name = name;
        q.page = page;
        q.size = size;
        Page<Member> result = members.list(q);
        ShellTable table = table("Id", "Member no", "Name", "Phone", "Store", "Level", "Experience", "Status");
        for (Member m : result.getItems()) {
            table.addRow().addContent(m.id, m.memberNo, m.name, Phones.mask(m.phone), m.registeredStoreId, m.levelName,
                    m.experience, m.status);
        }
        table.print(System.out);
        System.out.println("Page " + result.getPage() + ", " + result.getTotal() + " member(s) in all");
        return null;
    }
}
