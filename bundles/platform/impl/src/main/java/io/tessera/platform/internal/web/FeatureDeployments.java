package io.tessera.platform.internal.web;

import org.apache.karaf.features.DeploymentEvent;
import org.apache.karaf.features.DeploymentListener;
import org.apache.karaf.features.FeaturesService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Whether Karaf is installing, uninstalling or refreshing features right now (from its deployment
 * events). Karaf deploys one request at a time; a deployment that fails sends no FINISHED, so a
 * STARTED counts for {@link #LIMIT_MS} at most: a domain that never comes back answers 404 again.
 */
@Component(service = FeatureDeployments.class)
public class FeatureDeployments implements DeploymentListener {

    private final FeaturesService features;

    /** Longer than any feature deployment Tessera makes (a refresh of every domain takes ~20 s on 2 cores). */
    static final long LIMIT_MS = 120_000;

    /** Whether the last event was STARTED, and when it came (System.nanoTime). */
    private volatile boolean deploying;

    private volatile long startedAt;

    @Activate
    public FeatureDeployments(@Reference FeaturesService features) {
        this.features = features;
        features.registerListener(this);
    }

    @Deactivate
    void deactivate() {
        features.unregisterListener(this);
    }

    @Override
    public void deploymentEvent(DeploymentEvent event) {
        if (event == DeploymentEvent.DEPLOYMENT_STARTED) {
            startedAt = System.nanoTime();
            deploying = true;
        } else if (event == DeploymentEvent.DEPLOYMENT_FINISHED) {
            deploying = false;
        }
    }

    /** When the last deployment started (System.nanoTime). */
    public long startedAt() {
        return startedAt;
    }

    public boolean running() {
        return deploying && System.nanoTime() - startedAt < LIMIT_MS * 1_000_000;
    }
}
