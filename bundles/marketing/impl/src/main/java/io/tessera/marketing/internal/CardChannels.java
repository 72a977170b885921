package io.tessera.marketing.internal;

import io.tessera.marketing.api.spi.CardChannel;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The card channels installed now, by name (a channel's feature or configuration may come and go). */
@Component(service = CardChannels.class)
public class CardChannels {

    private final Map<String, CardChannel> byName = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(CardChannel channel, Map<String, Object> props) {
        Object name = props.get(CardChannel.NAME);
        if (name != null) {
            byName.put(name.toString(), channel);
        }
    }

    void remove(CardChannel channel, Map<String, Object> props) {
        Object name = props.get(CardChannel.NAME);
        if (name != null) {
            byName.remove(name.toString(), channel);
        }
    }

    public Optional<CardChannel> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return new TreeSet<>(byName.keySet());
    }
}
