package io.tessera.platform.internal.soap;

import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.internal.auth.Authenticator;
import io.tessera.platform.internal.web.DomainAvailability;
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

    private final DomainAvailability availability;

    @Activate
    public SoapServer(@Reference Authenticator authenticator,
            @Reference WebSettings settings,
            @Reference DomainAvailability availability,
            BundleContext context) throws InvalidSyntaxException {
        this.authenticator = authenticator;
        this.settings = settings;
        this.availability = availability;
        open(context);
    }

    private final Map<ServiceReference<Object>, Server> servers = new ConcurrentHashMap<>();
    /** Addresses whose domain is away: the withdrawn server, its destination kept and answering {@link SoapAway}. */
    private final Map<String, Server> away = new ConcurrentHashMap<>();
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
                    withdraw(reference, server);
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
        away.values().forEach(Server::destroy);
        away.clear();
    }

    /**
     * While its domain is coming back, the address keeps its destination and answers 503 (a refresh, a restart, a
     * feature uninstalled and installed again); the endpoint that was there is let go. Published again, the new
     * endpoint takes the same destination over.
     */
    private synchronized void withdraw(ServiceReference<Object> reference, Server server) {
        String address = address(reference);
        String face = face(reference);
        availability.soapDown(face);
        // Stopped (its clean-up done, the destination left without an observer), not destroyed (the destination stays).
        server.stop();
        away.put(address, server);
        server.getDestination().setMessageObserver(new SoapAway(address, () -> availability.comingBack(face), () -> giveUp(address, server)));
    }

    /** The domain is gone for good: the address too (404 from here on). */
    private synchronized void giveUp(String address, Server server) {
        if (away.remove(address, server)) {
            server.destroy();
            LOG.info("SOAP address {} given up: its domain is not installed", address);
        }
    }

    private static String address(ServiceReference<Object> reference) {
        return Endpoints.SOAP_BASE + reference.getProperty(Endpoints.SOAP_ADDRESS);
    }

    /** "soap/cards" for /soap/cards. */
    private static String face(ServiceReference<Object> reference) {
        String a = address(reference);
        return a.startsWith("/") ? a.substring(1) : a;
    }

    /** Forgets a stopped endpoint whose destination a new one took over (never destroyed: that would close it). */
    private static void forget(Server old) {
        org.apache.cxf.Bus bus = BusFactory.getDefaultBus();
        org.apache.cxf.endpoint.ServerRegistry registry = bus.getExtension(org.apache.cxf.endpoint.ServerRegistry.class);
        if (registry != null) {
            registry.unregister(old);
        }
        org.apache.cxf.management.InstrumentationManager instruments = bus.getExtension(org.apache.cxf.management.InstrumentationManager.class);
        if (instruments != null) {
            try {
                instruments.unregister(new org.apache.cxf.endpoint.ManagedEndpoint(bus, old.getEndpoint(), old).getObjectName());
            } catch (javax.management.JMException | RuntimeException e) {
                LOG.debug("The withdrawn SOAP endpoint's management bean was already gone", e);
            }
        }
    }

    /** JAXB lists its complaints only in its exception's toString(). */
    private static String details(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            sb.append(c).append('\n');
        }
        return sb.toString();
    }

    private synchronized void publish(ServiceReference<Object> reference, Object implementor) {
        String address = address(reference);
        // Back from away: the new endpoint takes the kept destination over (same address, same destination).
        Server withdrawn = away.remove(address);
        if (withdrawn != null) {
            // A destination that has an observer keeps it when a server starts on it: the new one must find none.
            withdrawn.getDestination().setMessageObserver(null);
        }
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
            if (withdrawn != null) {
                forget(withdrawn);
            }
            org.osgi.framework.Bundle owner = reference.getBundle();
            if (owner != null) {
                availability.soapUp(face(reference), owner.getSymbolicName());
            }
            LOG.info("SOAP service published at {}", address);
        } catch (RuntimeException e) {
            LOG.error("Could not publish SOAP service at {}: {}", address, details(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
