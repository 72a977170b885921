package io.tessera.marketing.internal.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tessera.marketing.api.Requests;
import io.tessera.marketing.api.Send;
import io.tessera.marketing.api.SendService;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Direct sends (直接送券): a COUPON_SEND activity's rewards to a segment, now or later, as a job with a result file. */
@Component(service = SendsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/marketing/sends")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SendsResource {

    private static final String KEY = "The caller's key for this operation: a retry with the same key and body answers the first result and changes nothing again";

    private final SendService sends;

    @Activate
    public SendsResource(@Reference SendService sends) {
        this.sends = sends;
    }

    @POST
    @ApiResponse(responseCode = "201", description = "SCHEDULED, or RUNNING when it runs now (its job: GET /jobs/{jobId})",
            content = @Content(schema = @Schema(implementation = Send.class)))
    public Response send(Requests.SendRequest request, @Parameter(required = true, description = KEY) @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        return Response.status(201).entity(sends.send(request, key)).build();
    }

    @GET
    public Page<Send> list(@QueryParam("activityId") String activityId, @QueryParam("page") String page, @QueryParam("size") String size) {
        return sends.list(QueryParams.longValue("activityId", activityId), QueryParams.intValue("page", page, 1), QueryParams.intValue("size", size, 20));
    }

    @GET
    @Path("{id}")
    public Send get(@PathParam("id") String id) {
        return sends.get(QueryParams.id("id", id));
    }

    @POST
    @Path("{id}/cancel")
    @ApiResponse(responseCode = "200", description = "CANCELLED", content = @Content(schema = @Schema(implementation = Send.class)))
    public Send cancel(@PathParam("id") String id) {
        return sends.cancel(QueryParams.id("id", id));
    }

    @POST
    @Path("{id}/resume")
    @ApiResponse(responseCode = "200", description = "RUNNING again", content = @Content(schema = @Schema(implementation = Send.class)))
    public Send resume(@PathParam("id") String id) {
        return sends.resume(QueryParams.id("id", id));
    }
}
