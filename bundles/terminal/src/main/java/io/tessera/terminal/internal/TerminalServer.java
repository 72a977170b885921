package io.tessera.terminal.internal;

import java.util.List;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the terminal's pages at {@value #ADDRESS} on the bus the REST API uses (CXF's servlet at the root of
 * Tessera's HTTP port), while the feature {@code tessera-terminal} is installed: uninstalling it takes the pages
 * away with it. The pages hold no data; everything they show comes from {@code /api/v1} with the operator's token.
 */
@Component(immediate = true)
public class TerminalServer {

    static final String ADDRESS = "/terminal";

    private static final Logger LOG = LoggerFactory.getLogger(TerminalServer.class);

    private Server server;

    @Activate
    void activate(BundleContext context) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        Bus bus = BusFactory.getDefaultBus();
        factory.setBus(bus);
        factory.setAddress(ADDRESS);
        factory.setServiceBeans(List.of(new TerminalFiles(context.getBundle())));
        factory.setProviders(List.of(new SecurityHeaders()));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TerminalServer.class.getClassLoader());
        try {
            server = factory.create();
        } finally {
            thread.setContextClassLoader(previous);
        }
        LOG.info("Web terminal published at {}/", ADDRESS);
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.destroy();
            server = null;
        }
    }
}
