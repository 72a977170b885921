package io.tessera.platform.internal.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.karaf.features.BootFinished;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Which domains of this node are away but coming back: their REST paths answer 503 with Retry-After
 * ({@link ComingBack}) and the health check answers 503 naming them, so a till retries and a load balancer sends
 * the work to another node. A domain is coming back when it is not published and
 * <ul>
 * <li>it was withdrawn by the feature deployment under way (an install, uninstall or refresh), or</li>
 * <li>its bundle is installed (stopped, starting, or started with its resources not up yet), or</li>
 * <li>it was withdrawn less than {@code redeployGraceSeconds} ago ({@code etc/io.tessera.web.cfg}): a domain
 * uninstalled by hand and installed again ({@code feature:uninstall}, then {@code feature:install}) shows no
 * 404 in between.</li>
 * </ul>
 * A domain that was never published here, or whose bundle has been gone for longer than the grace, answers 404.
 * The same holds for each SOAP face ({@code soap/cards}), which the SOAP server reports one by one.
 */
@Component(service = DomainAvailability.class)
public class DomainAvailability {

    private final BundleContext context;

    private final WebSettings settings;

    private final LongSupplier nanoTime;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FeatureDeployments deployments;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile BootFinished boot;

    /** The first segment of each domain resource's path, and the symbolic name of the bundle that publishes it. */
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    /** When each domain that is not published now was last withdrawn (System.nanoTime). */
    private final Map<String, Long> withdrawnAt = new ConcurrentHashMap<>();

    private volatile Set<String> published = Set.of();

    /** The SOAP faces published now ("soap/cards" for /soap/cards): each comes and goes on its own. */
    private final Set<String> soapUp = ConcurrentHashMap.newKeySet();

    @Activate
    public DomainAvailability(BundleContext context, @Reference WebSettings settings) {
        this(context, settings, System::nanoTime);
    }

    DomainAvailability(BundleContext context, WebSettings settings, LongSupplier nanoTime) {
        this.context = context;
        this.settings = settings;
        this.nanoTime = nanoTime;
    }

    /** A domain's resource came from this bundle. */
    void owner(String prefix, String symbolicName) {
        owners.put(prefix, symbolicName);
    }

    /** The domains published from now on (after each rebuild of the REST server). */
    synchronized void published(Set<String> now) {
        long t = nanoTime.getAsLong();
        for (String gone : published) {
            if (!now.contains(gone)) {
                withdrawnAt.put(gone, t);
            }
        }
        now.forEach(withdrawnAt::remove);
        published = Set.copyOf(now);
    }

    /** A SOAP face ("soap/cards") published by this bundle. */
    public void soapUp(String face, String symbolicName) {
        owners.put(face, symbolicName);
        withdrawnAt.remove(face);
        soapUp.add(face);
    }

    /** A SOAP face withdrawn: coming back while its domain is (see the class). */
    public void soapDown(String face) {
        if (soapUp.remove(face)) {
            withdrawnAt.put(face, nanoTime.getAsLong());
        }
    }

    /** Before a rebuild: the domains not in the coming set count as withdrawn already, the others as before. */
    synchronized void leaving(Set<String> coming) {
        published(published.stream().filter(coming::contains).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /** Whether a path starting with this segment belongs to a domain that is away but coming back. */
    public boolean comingBack(String prefix) {
        String owner = owners.get(prefix);
        if (owner == null || published.contains(prefix) || soapUp.contains(prefix)) {
            return false;
        }
        Long withdrawn = withdrawnAt.get(prefix);
        FeatureDeployments d = deployments;
        if (withdrawn != null && d != null && d.running() && withdrawn - d.startedAt() >= 0) {
            return true; // withdrawn by the deployment under way
        }
        if (withdrawn != null && nanoTime.getAsLong() - withdrawn < settings.redeployGraceSeconds() * 1_000_000_000L) {
            return true;
        }
        for (Bundle b : context.getBundles()) {
            if (owner.equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED) {
                return true;
            }
        }
        return false;
    }

    /** Whether Karaf has finished installing the boot features (until then the domains are still arriving). */
    public boolean booted() {
        return boot != null;
    }

    /** The domains (their REST path's first segment) away but coming back now, sorted. */
    public List<String> away() {
        return owners.keySet().stream().filter(k -> !k.startsWith("soap/")).filter(this::comingBack).sorted().toList();
    }
}
