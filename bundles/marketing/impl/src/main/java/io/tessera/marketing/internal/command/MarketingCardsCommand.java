package io.tessera.marketing.internal.command;

import io.tessera.marketing.api.CardTemplate;
import io.tessera.marketing.api.CardService;
import io.tessera.platform.api.console.ConsoleAction;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "marketing", name = "cards", description = "Lists member cards (会员卡): channel, name, members who opened it, first push (from then on the name is fixed)")
public class MarketingCardsCommand extends ConsoleAction {

    @Reference
    private CardService cards;

    @Override
    protected Object run() {
        List<CardTemplate> all = cards.list();
        ShellTable table = table("Id", "Channel", "Name", "Members", "First push", "Version");
        for (CardTemplate c : all) {
            table.addRow().addContent(c.id, c.channel, c.name, c.members, c.firstPushAt == null ? "-" : c.firstPushAt.toLocalDateTime().withNano(0),
                    c.version);
        }
        table.print(System.out);
        System.out.println(all.size() + " card(s)");
        return null;
    }
}
