package io.tessera.platform.internal.web;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.internal.auth.Authenticator;
import io.tessera.platform.internal.rest.DocsResource;
import io.tessera.platform.internal.rest.PlatformResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.ws.rs.Path;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.ChainInitiationObserver;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
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
 * Publishes every REST resource of every installed domain under {@code /api/v1}, with one JSON
 * provider, one authentication filter and one error mapper. Domains register their resources as
 * services with {@code tessera.rest.resource=true}; when one comes (a feature installed) the server is
 * rebuilt shortly after (resources arriving together make one rebuild), when one goes it is rebuilt at
 * once, so that no request reaches a resource whose component is being deactivated.
 *
 * <p>A rebuild never leaves {@code /api/v1} without a server: the new server is made without starting it,
 * on the same servlet destination as the old one, and the destination's observer is switched to it in one
 * step; only then is the old server retired. Destroying first and creating after would answer every
 * request that arrives meanwhile with 404 "No service was found" (a feature installed at runtime, or the
 * last domains arriving just after start).
 *
 * <p>While a domain is away but coming back ({@link DomainAvailability}) its paths answer 503 with Retry-After
 * ({@link ComingBack}); once its bundle has been gone for a little while (the feature uninstalled) they answer 404.
 */
@Component(immediate = true)
public class RestServer {

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    private final Authenticator authenticator;

    private final PlatformResource platformResource;

    private final DocsResource docsResource;

    private final WebSettings settings;

    private final OpenApiRegistry openApi;

    private final DomainAvailability availability;

    @Activate
    public RestServer(@Reference Authenticator authenticator,
            @Reference PlatformResource platformResource,
            @Reference DocsResource docsResource,
            @Reference WebSettings settings,
            @Reference OpenApiRegistry openApi,
            @Reference DomainAvailability availability,
            BundleContext context) throws InvalidSyntaxException {
        this.authenticator = authenticator;
        this.platformResource = platformResource;
        this.docsResource = docsResource;
        this.settings = settings;
        this.openApi = openApi;
        this.availability = availability;
        open(context);
    }

    private final Map<ServiceReference<Object>, Object> resources = new ConcurrentSkipListMap<>();
    private ScheduledExecutorService rebuilder;
    private ScheduledFuture<?> pending;
    private ServiceTracker<Object, Object> tracker;
    private Server server;
    private volatile boolean closing;

    private void open(BundleContext context) throws InvalidSyntaxException {
        rebuilder = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "tessera-rest-publisher"));
        rebuild();
        Filter filter = context.createFilter("(" + Endpoints.REST_RESOURCE + "=true)");
        tracker = new ServiceTracker<>(context, filter, null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                Object service = context.getService(reference);
                if (service == null) {
                    return null;
                }
                Bundle owner = reference.getBundle();
                String prefix = prefix(service);
                if (owner != null && !prefix.isEmpty()) {
                    availability.owner(prefix, owner.getSymbolicName());
                }
                resources.put(reference, service);
                scheduleRebuild();
                return service;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Object service) {
                resources.remove(reference);
                // At once, not shortly after: the resource's component is being deactivated, and a request
                // routed to it meanwhile would reach services that are already closed (a 500 instead of 404).
                if (!closing) {
                    rebuildNow();
                }
                context.ungetService(reference);
            }
        };
        tracker.open(true);
    }

    @Deactivate
    void deactivate() {
        closing = true;
        tracker.close();
        rebuilder.shutdownNow();
        synchronized (this) {
            destroy();
        }
    }

    private synchronized void scheduleRebuild() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = rebuilder.schedule(this::rebuild, 200, TimeUnit.MILLISECONDS);
    }

    private synchronized void rebuildNow() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        rebuild();
    }

    private synchronized void rebuild() {
        List<Object> beans = new ArrayList<>();
        beans.add(platformResource);
        beans.add(docsResource);
        beans.addAll(resources.values());
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        Bus bus = BusFactory.getDefaultBus();
        factory.setBus(bus);
        factory.setAddress(Endpoints.REST_BASE);
        factory.setStart(false);
        factory.setServiceBeans(beans);
        factory.setProviders(List.of(new JacksonJsonProvider(Json.MAPPER), MethodRouting.of(beans),
                new ComingBack(availability::comingBack), new AuthFilter(authenticator, new RequestRules(settings)),
                new ErrorMapper()));
        Set<String> now = beans.stream().map(RestServer::prefix).filter(p -> !p.isEmpty()).collect(Collectors.toUnmodifiableSet());
        // A domain leaving counts as away at once (the old server answers 503 for it while the new one is built, never
        // reaching a resource whose component is going), one arriving counts as published only after the switch.
        availability.leaving(now);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RestServer.class.getClassLoader());
        try {
            Server next = factory.create();
            // The same address gives the same destination: requests go to the new resources from here on.
            next.getDestination().setMessageObserver(new ChainInitiationObserver(next.getEndpoint(), bus));
            retire(server, bus);
            server = next;
            availability.published(now);
            openApi.published(beans);
            LOG.info("REST API published at {} with {} resource(s)", Endpoints.REST_BASE, beans.size());
        } catch (RuntimeException e) {
            LOG.error("Could not publish the REST API", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String prefix(Object resource) {
        Path path = resource.getClass().getAnnotation(Path.class);
        return path == null ? "" : ComingBack.firstSegment(path.value());
    }

    /** Lets an old server go without touching the destination it shares with its successor. */
    private static void retire(Server old, Bus bus) {
        if (old != null) {
            CxfServers.cleanUp(old);
            CxfServers.forget(old, bus);
        }
    }

    private void destroy() {
        if (server != null) {
            server.getDestination().setMessageObserver(null);
            server.destroy();
            server = null;
        }
    }
}
