package io.tessera.payments.internal;

import io.tessera.payments.api.spi.DiscountCollaborator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The discount collaborators installed now (coupons, points), in rank order: optional, dynamic references,
 * so checkout works without them and picks each up when its feature is installed.
 */
@Component(service = Collaborators.class)
public class Collaborators {

    record Entry(String source, int rank, DiscountCollaborator collaborator) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Reference(name = "collaborator", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeCollaborator")
    void addCollaborator(DiscountCollaborator c, Map<String, Object> properties) {
        Object source = properties.get(DiscountCollaborator.SOURCE);
        Object rank = properties.get(DiscountCollaborator.RANK);
        if (source != null) {
            entries.add(new Entry(source.toString().toUpperCase(), rank instanceof Integer i ? i : 100, c));
        }
    }

    void removeCollaborator(DiscountCollaborator c) {
        entries.removeIf(e -> e.collaborator() == c);
    }

    /** Installed now, lowest rank first. */
    List<Entry> inOrder() {
        List<Entry> list = new ArrayList<>(entries);
        list.sort(Comparator.comparingInt(Entry::rank).thenComparing(Entry::source));
        return list;
    }

    Optional<DiscountCollaborator> bySource(String source) {
        return entries.stream().filter(e -> e.source().equals(source)).map(Entry::collaborator).findFirst();
    }
}
