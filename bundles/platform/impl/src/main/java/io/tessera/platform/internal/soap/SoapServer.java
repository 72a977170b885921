package io.tessera.platform.internal.soap;

import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.internal.auth.Authenticator;
import io.tessera.platform.internal.web.CxfServers;
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
        sweeper.scheduleWithFixedDelay(this::sweep, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
    }

    private final Map<ServiceReference<Object>, Server> servers = new ConcurrentHashMap<>();
    /** Addresses whose domain is away: the withdrawn server, its destination kept and answering {@link SoapAway}. */
    private final Map<String, Server> away = new ConcurrentHashMap<>();
    /** Looks every few seconds for addresses whose domain is gone for good. */
    private final java.util.concurrent.ScheduledExecutorService sweeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "tessera-soap-away"));
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
        sweeper.shutdownNow();
        away.forEach((address, server) -> {
            server.getDestination().shutdown();
            forget(server);
        });
        away.clear();
    }

    /**
     * While its domain is coming back, the address keeps its destination and answers 503 (a refresh, a restart, a
     * feature uninstalled and installed again); the endpoint that was there is let go. Published again, the new
     * endpoint takes the same destination over.
     */
    private synchronized void withdraw(ServiceReference<Object> reference, Server server) {
        String address = address(reference);
        availability.soapDown(face(address));
        // What Server.stop does, but the observer is replaced in one step (stop would leave the destination without
        // one for a moment: an empty 200); never destroyed, the destination stays.
        CxfServers.cleanUp(server);
        org.apache.cxf.endpoint.ServerLifeCycleManager lifeCycle = BusFactory.getDefaultBus()
                .getExtension(org.apache.cxf.endpoint.ServerLifeCycleManager.class);
        if (lifeCycle != null) {
            lifeCycle.stopServer(server);
        }
        keepAway(address, face(address), server);
    }

    private void keepAway(String address, String face, Server server) {
        away.put(address, server);
        server.getDestination().setMessageObserver(new SoapAway(address, () -> availability.comingBack(face), () -> giveUp(address, server)));
    }

    /** The domain is gone for good: the address too (404 from here on). */
    private synchronized void giveUp(String address, Server server) {
        if (away.remove(address, server)) {
            server.getDestination().shutdown();
            forget(server);
            LOG.info("SOAP address {} given up: its domain is not installed", address);
        }
    }

    /** Gives up the addresses of domains gone for good, whether or not anyone asks them (see {@link #sweeper}). */
    private void sweep() {
        away.forEach((address, server) -> {
            if (!availability.comingBack(face(address))) {
                giveUp(address, server);
            }
        });
    }

    private static String address(ServiceReference<Object> reference) {
        return Endpoints.SOAP_BASE + reference.getProperty(Endpoints.SOAP_ADDRESS);
    }

    /** "soap/cards" for /soap/cards. */
    private static String face(String address) {
        return address.startsWith("/") ? address.substring(1) : address;
    }

    /** Forgets a stopped endpoint whose destination a new one took over (never destroyed: that would close it). */
    private static void forget(Server old) {
        CxfServers.forget(old, BusFactory.getDefaultBus());
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
        Server withdrawn = away.get(address);
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
            // Built first, started after: a destination keeps the observer it has when a server starts on it, so the
            // kept one is cleared just before (the address answers 503 until then, never an empty 200 for long).
            factory.setStart(false);
            Server next = factory.create();
            if (withdrawn != null) {
                away.remove(address);
                withdrawn.getDestination().setMessageObserver(null);
            }
            next.start();
            servers.put(reference, next);
            if (withdrawn != null) {
                forget(withdrawn);
            }
            org.osgi.framework.Bundle owner = reference.getBundle();
            if (owner != null) {
                availability.soapUp(face(address), owner.getSymbolicName());
            }
            LOG.info("SOAP service published at {}", address);
        } catch (RuntimeException e) {
            if (withdrawn != null && !away.containsKey(address)) {
                keepAway(address, face(address), withdrawn); // the address keeps answering 503, or 404 once gone
            }
            LOG.error("Could not publish SOAP service at {}: {}", address, details(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
