package io.tessera.platform.internal.web;

import java.io.Closeable;
import java.io.IOException;
import javax.management.JMException;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.ManagedEndpoint;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.endpoint.ServerRegistry;
import org.apache.cxf.management.InstrumentationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Letting a CXF server go while a successor keeps its destination (REST rebuilds, SOAP endpoints coming back):
 * never {@code destroy()}, which would close the destination the successor answers on.
 */
public final class CxfServers {

    private static final Logger LOG = LoggerFactory.getLogger(CxfServers.class);

    private CxfServers() {
    }

    /** Runs the server's clean-up hooks (what {@code stop()} does first). */
    public static void cleanUp(Server old) {
        for (Closeable hook : old.getEndpoint().getCleanupHooks()) {
            try {
                hook.close();
            } catch (IOException e) {
                LOG.debug("A clean-up hook of a retired CXF server failed", e);
            }
        }
    }

    /** Takes the server out of the bus's registry and its management bean out of JMX. */
    public static void forget(Server old, Bus bus) {
        ServerRegistry registry = bus.getExtension(ServerRegistry.class);
        if (registry != null) {
            registry.unregister(old);
        }
        InstrumentationManager instruments = bus.getExtension(InstrumentationManager.class);
        if (instruments != null) {
            try {
                instruments.unregister(new ManagedEndpoint(bus, old.getEndpoint(), old).getObjectName());
            } catch (JMException | RuntimeException e) {
                LOG.debug("The retired CXF server's management bean was already gone", e);
            }
        }
    }
}
