package io.tessera.platform.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.events.EventDelivery;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import io.tessera.platform.internal.events.EventLog;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The event outbox for headquarters administrators: what is pending, done or FAILED, and sending a FAILED one again. */
@Component(service = EventsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    private final EventLog log;

    @Activate
    public EventsResource(@Reference EventLog log) {
        this.log = log;
    }

    @GET
    @Operation(summary = "Event deliveries, newest first (HQ_ADMIN)")
    public Page<EventDelivery> list(@Parameter(schema = @Schema(implementation = EventDelivery.Status.class)) @QueryParam("status") String status, @QueryParam("consumer") String consumer,
                                    @QueryParam("topic") String topic, @QueryParam("page") String page,
                                    @QueryParam("size") String size) {
        return log.list(QueryParams.enumValue("status", EventDelivery.Status.class, status), blankToNull(consumer), blankToNull(topic), QueryParams.intValue("page", page, 1),
                QueryParams.intValue("size", size, 20));
    }

    @POST
    @Path("{id}/retry")
    @Operation(summary = "Send a FAILED delivery again (HQ_ADMIN)")
    public EventDelivery retry(@PathParam("id") String id) {
        return log.retry(QueryParams.id("id", id));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
