package io.tessera.platform.internal.web;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.karaf.features.DeploymentEvent;
import org.apache.karaf.features.DeploymentListener;
import org.apache.karaf.features.FeaturesService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Whether Karaf is installing, uninstalling or refreshing features right now (from its deployment events). */
@Component(service = FeatureDeployments.class)
public class FeatureDeployments implements DeploymentListener {

    private final FeaturesService features;

    private final AtomicInteger running = new AtomicInteger();

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
            running.incrementAndGet();
        } else if (event == DeploymentEvent.DEPLOYMENT_FINISHED) {
            running.updateAndGet(n -> Math.max(0, n - 1));
        }
    }

    public boolean running() {
        return running.get() > 0;
    }
}
