package io.tessera.platform.internal.soap;

import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.internal.auth.Authenticator;
import io.tessera.platform.internal.web.WebSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each domain's SOAP implementor (a service with {@code tessera.soap.address=/name})
 * at {@code /soap/name}, document/literal with a WSDL at {@code ?wsdl}, behind the same
 * authentication as REST; withdraws it when the service goes away.
 */
@Component(immediate = true)
public class SoapServer {

    private static final Logger LOG = LoggerFactory.getLogger(SoapServer.class);

    private final Authenticator authenticator;

    private final WebSettings settings;

    @Activate
    public SoapServer(@Reference Authenticator authenticator,
            @Reference WebSettings settings,
            BundleContext context) throws InvalidSyntaxException {
        this.authenticator = authenticator;
        this.settings = settings;
        open(context);
    }

    private final Map<ServiceReference<Object>, Server> servers = new ConcurrentHashMap<>();
    private ServiceTracker<Object, Object> tracker;

    private void open(BundleContext context) throws InvalidSyntaxException {
        tracker = new ServiceTracker<>(context, context.createFilter("(" + Endpoints.SOAP_ADDRESS + "=*)"), null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                Object implementor = context.getService(reference);
                publish(reference, implementor);
                return implementor;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Object service) {
                Server server = servers.remove(reference);
                if (server != null) {
                    server.destroy();
                    LOG.info("SOAP service {} withdrawn", reference.getProperty(Endpoints.SOAP_ADDRESS));
                }
                context.ungetService(reference);
            }
        };
        tracker.open(true);
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        servers.values().forEach(Server::destroy);
        servers.clear();
    }

    /** JAXB lists its complaints only in its exception's toString(). */
    private static String details(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            sb.append(c).append('\n');
        }
        return sb.toString();
    }

    private void publish(ServiceReference<Object> reference, Object implementor) {
        String address = Endpoints.SOAP_BASE + reference.getProperty(Endpoints.SOAP_ADDRESS);
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(BusFactory.getDefaultBus());
        factory.setAddress(address);
        factory.setServiceClass(implementor.getClass());
        factory.setServiceBean(implementor);
        factory.setInvoker(new CallerInvoker(implementor));
        if (!Boolean.parseBoolean(String.valueOf(reference.getProperty(Endpoints.SOAP_PUBLIC)))) {
            factory.getInInterceptors().add(new SoapAuthInterceptor(authenticator));
        }
        Object upload = reference.getProperty(Endpoints.SOAP_BODY_LIMIT);
        factory.getInInterceptors().add(new SoapRequestCheck(upload == null ? settings::maxBodyBytes
                : () -> settings.maxBodyBytes(String.valueOf(upload), 16L << 20)));
        factory.getOutFaultInterceptors().add(new ClientFaults());
        factory.getProperties(true).put(FaultListener.class.getName(), new FaultLog());
        // A request must also be valid by the WSDL's schema (types, known elements) before it runs.
        factory.getProperties(true).put("schema-validation-enabled", "IN");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(implementor.getClass().getClassLoader());
        try {
            servers.put(reference, factory.create());
            LOG.info("SOAP service published at {}", address);
        } catch (RuntimeException e) {
            LOG.error("Could not publish SOAP service at {}: {}", address, details(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
