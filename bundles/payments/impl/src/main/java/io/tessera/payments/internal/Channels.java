package io.tessera.payments.internal;

import io.tessera.payments.api.PaymentErrors;
import io.tessera.payments.api.channel.PaymentChannel;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.payments.api.channel.ChannelInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The payment channels installed now (WeChat Pay, Alipay): optional, dynamic references, so checkout takes a
 * channel's tenders from the moment its feature is installed and refuses them (503) once it is uninstalled.
 */
@Component(service = Channels.class)
public class Channels {

    private final Map<PaymentMethod, PaymentChannel> byMethod = new ConcurrentHashMap<>();

    @Reference(name = "channel", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeChannel")
    void addChannel(PaymentChannel c) {
        byMethod.put(c.method(), c);
    }

    void removeChannel(PaymentChannel c) {
        byMethod.remove(c.method(), c);
    }

    static boolean isChannel(PaymentMethod m) {
        return m == PaymentMethod.WECHAT || m == PaymentMethod.ALIPAY;
    }

    Optional<PaymentChannel> find(PaymentMethod m) {
        return Optional.ofNullable(byMethod.get(m));
    }

    /** The channel of a method, or 503 CHANNEL_NOT_AVAILABLE naming the field at fault. */
    PaymentChannel require(PaymentMethod m, String field) {
        return find(m).orElseThrow(() -> PaymentErrors.CHANNEL_NOT_AVAILABLE.at(field, m + " is not available here (its channel is not installed)"));
    }

    /** What each installed channel says about itself, by method (never a secret). */
    public List<ChannelInfo> infos() {
        return byMethod.values().stream().sorted(Comparator.comparing(c -> c.method().name())).map(PaymentChannel::info).toList();
    }
}
