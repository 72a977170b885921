package io.tessera.payments.internal.command;

import io.tessera.payments.api.channel.ChannelInfo;
import io.tessera.payments.internal.Channels;
import io.tessera.platform.api.console.ConsoleAction;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "payment", name = "channels", description = "Lists the payment channels installed, their merchant accounts and the stores each serves (no key is shown)")
public class PaymentChannelsCommand extends ConsoleAction {

    @Reference
    private Channels channels;

    @Override
    protected Object run() {
        List<ChannelInfo> infos = channels.infos();
        ShellTable table = table("Channel", "Protocol", "Account", "Merchant id", "Stores", "Fee rate", "Ready");
        for (ChannelInfo c : infos) {
            if (c.accounts == null || c.accounts.isEmpty()) {
                table.addRow().addContent(c.method, c.protocol, "-", "-", "-", "-", "no account configured");
            } else {
                for (ChannelInfo.Account a : c.accounts) {
                    table.addRow().addContent(c.method, c.protocol, a.name, a.merchantId, String.join(",", a.stores), a.feeRate,
                            a.ready ? "yes" : "no: " + a.problem);
                }
            }
        }
        table.print(System.out);
        for (ChannelInfo c : infos) {
            boolean notify = c.notifyUrl != null && !c.notifyUrl.isBlank();
            System.out.println(c.method + ": calls " + c.baseUrl + ", " + (notify ? "notifies " + c.notifyUrl
                    : "no notifyUrl set (QR code payments need it)"));
        }
        System.out.println(infos.size() + " channel(s) installed");
        return null;
    }
}
