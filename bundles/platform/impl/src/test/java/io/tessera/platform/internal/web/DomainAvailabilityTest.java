package io.tessera.platform.internal.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

public class DomainAvailabilityTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final List<Bundle> bundles = new ArrayList<>();
    private final WebSettings settings = new WebSettings();
    private final DomainAvailability availability = new DomainAvailability(context(), settings, now::get);

    @Test
    public void aDomainNeverPublishedHereIsNotComingBack() {
        assertFalse(availability.comingBack("cards"));
        assertEquals(List.of(), availability.away());
    }

    @Test
    public void aWithdrawnDomainIsComingBackForTheGraceThenGone() {
        settings.configure(Map.of("redeployGraceSeconds", "15"));
        availability.owner("cards", "io.tessera.cards.impl");
        availability.published(Set.of("cards", "members"));
        assertFalse(availability.comingBack("cards"));
        // Uninstalled: its bundle is gone at once, the grace keeps it "coming back".
        availability.published(Set.of("members"));
        now.addAndGet(14_900_000_000L);
        assertTrue(availability.comingBack("cards"));
        assertEquals(List.of("cards"), availability.away());
        now.addAndGet(200_000_000L);
        assertFalse(availability.comingBack("cards"));
        assertEquals(List.of(), availability.away());
        // Installed again: published, and a later withdrawal starts a new grace.
        availability.published(Set.of("members", "cards"));
        assertFalse(availability.comingBack("cards"));
        availability.published(Set.of("members"));
        assertTrue(availability.comingBack("cards"));
    }

    @Test
    public void aDomainWhoseBundleIsStillInstalledIsComingBackWhateverTheTime() {
        settings.configure(Map.of("redeployGraceSeconds", "0"));
        availability.owner("points", "io.tessera.points.impl");
        availability.owner("cards", "io.tessera.cards.impl");
        availability.published(Set.of("points", "cards"));
        availability.published(Set.of());
        bundles.add(bundle("io.tessera.points.impl", Bundle.RESOLVED));
        bundles.add(bundle("io.tessera.cards.impl", Bundle.UNINSTALLED));
        now.addAndGet(3_600_000_000_000L);
        assertTrue(availability.comingBack("points"));
        assertFalse(availability.comingBack("cards"));
        assertFalse(availability.comingBack("stores"));
        assertEquals(List.of("points"), availability.away());
    }

    @Test
    public void aDeploymentMakesComingBackOnlyWhatItWithdrew() throws Exception {
        settings.configure(Map.of("redeployGraceSeconds", "0"));
        FeatureDeployments deployments = new FeatureDeployments((org.apache.karaf.features.FeaturesService) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {org.apache.karaf.features.FeaturesService.class}, (proxy, method, args) -> null));
        java.lang.reflect.Field field = DomainAvailability.class.getDeclaredField("deployments");
        field.setAccessible(true);
        field.set(availability, deployments);
        availability.owner("cards", "io.tessera.cards.impl");
        availability.owner("points", "io.tessera.points.impl");
        now.set(System.nanoTime() - 60_000_000_000L);
        availability.published(Set.of("cards", "points"));
        // Points were uninstalled long before; cards go during the deployment under way.
        availability.published(Set.of("cards"));
        now.set(System.nanoTime());
        deployments.deploymentEvent(org.apache.karaf.features.DeploymentEvent.DEPLOYMENT_STARTED);
        now.set(System.nanoTime() + 1);
        availability.published(Set.of());
        assertTrue(availability.comingBack("cards"));
        assertFalse(availability.comingBack("points"));
        deployments.deploymentEvent(org.apache.karaf.features.DeploymentEvent.DEPLOYMENT_FINISHED);
        assertFalse(availability.comingBack("cards"));
    }

    @Test
    public void anUnreadableGraceFallsBackToTheDefault() {
        settings.configure(Map.of("redeployGraceSeconds", "soon"));
        assertEquals(WebSettings.DEFAULT_REDEPLOY_GRACE, settings.redeployGraceSeconds());
        settings.configure(Map.of("redeployGraceSeconds", "-3"));
        assertEquals(0, settings.redeployGraceSeconds());
        settings.configure(Map.of("redeployGraceSeconds", "99999999999999"));
        assertEquals(WebSettings.MAX_REDEPLOY_GRACE, settings.redeployGraceSeconds());
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getBundles")) {
                        return bundles.toArray(new Bundle[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Bundle bundle(String symbolicName, int state) {
        return (Bundle) Proxy.newProxyInstance(DomainAvailabilityTest.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> symbolicName;
                    case "getState" -> state;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
