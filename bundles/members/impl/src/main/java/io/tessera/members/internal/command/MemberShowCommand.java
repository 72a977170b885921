package io.tessera.members.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.platform.api.Phones;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "member", name = "show", description = "Shows one member by id, member no (M...) or phone")
public class MemberShowCommand extends ConsoleAction {

    @Reference
    private MemberService members;

    @Argument(index = 0, name = "member", required = true, description = "Member id, member no or phone")
    private String key;

    @Override
    protected Object run() throws Exception {
        Member m = key.startsWith("M") ? members.getByMemberNo(key)
                : Phones.isMainlandMobile(key) ? members.getByPhone(key) : members.get(Long.parseLong(key));
        System.out.printf("Member %s (id %d)%n  name: %s%n  phone: %s%n  gender: %s  birthday: %s%n"
                        + "  store: %d  channel: %s  by: %s%n  level: %s  experience: %d%n  status: %s  registered: %s%n",
                m.memberNo, m.id, m.name, Phones.mask(m.phone), m.gender, m.birthday, m.registeredStoreId, m.channel,
                m.registeredBy, m.levelName, m.experience, m.status, m.registeredAt);
        return null;
    }
}
