package io.tessera.marketing.internal.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tessera.marketing.api.Activity;
import io.tessera.marketing.api.ActivityService;
import io.tessera.marketing.api.ActivityStatus;
import io.tessera.marketing.api.ActivityType;
import io.tessera.marketing.api.Requests;
import io.tessera.marketing.api.Reward;
import io.tessera.marketing.api.RewardState;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.audit.AuditEntry;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Marketing activities: create (a draft), change, activate, pause, end, read, list, their audit trail; their rewards. */
@Component(service = ActivitiesResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/marketing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivitiesResource {

    private final ActivityService activities;

    @Activate
    public ActivitiesResource(@Reference ActivityService activities) {
        this.activities = activities;
    }

    @POST
    @Path("activities")
    @ApiResponse(responseCode = "201", description = "Created as a DRAFT", content = @Content(schema = @Schema(implementation = Activity.class)))
    public Response create(Requests.ActivityRequest request) {
        return Response.status(201).entity(activities.create(request)).build();
    }

    @GET
    @Path("activities")
    public Page<Activity> list(@Parameter(schema = @Schema(implementation = ActivityType.class)) @QueryParam("type") String type,
                               @Parameter(schema = @Schema(implementation = ActivityStatus.class)) @QueryParam("status") String status,
                               @QueryParam("page") String page, @QueryParam("size") String size) {
        return activities.list(QueryParams.enumValue("type", ActivityType.class, type), QueryParams.enumValue("status", ActivityStatus.class, status),
                QueryParams.intValue("page", page, 1), QueryParams.intValue("size", size, 20));
    }

    @GET
    @Path("activities/{id}")
    public Activity get(@PathParam("id") String id) {
        return activities.get(QueryParams.id("id", id));
    }

    @PUT
    @Path("activities/{id}")
    public Activity update(@PathParam("id") String id, Requests.ActivityRequest request) {
        return activities.update(QueryParams.id("id", id), request);
    }

    @POST
    @Path("activities/{id}/activate")
    @ApiResponse(responseCode = "200", description = "ACTIVE: rewards within its window from now on", content = @Content(schema = @Schema(implementation = Activity.class)))
    public Activity activate(@PathParam("id") String id) {
        return activities.activate(QueryParams.id("id", id));
    }

    @POST
    @Path("activities/{id}/pause")
    @ApiResponse(responseCode = "200", description = "PAUSED: rewards nothing until activated again", content = @Content(schema = @Schema(implementation = Activity.class)))
    public Activity pause(@PathParam("id") String id) {
        return activities.pause(QueryParams.id("id", id));
    }

    @POST
    @Path("activities/{id}/end")
    @ApiResponse(responseCode = "200", description = "ENDED: rewards nothing more, for good", content = @Content(schema = @Schema(implementation = Activity.class)))
    public Activity end(@PathParam("id") String id) {
        return activities.end(QueryParams.id("id", id));
    }

    @GET
    @Path("activities/{id}/audit")
    public List<AuditEntry> audit(@PathParam("id") String id) {
        return activities.audit(QueryParams.id("id", id));
    }

    @GET
    @Path("rewards")
    public Page<Reward> rewards(@QueryParam("activityId") String activityId, @QueryParam("memberId") String memberId,
                                @Parameter(schema = @Schema(implementation = RewardState.class)) @QueryParam("state") String state,
                                @QueryParam("page") String page, @QueryParam("size") String size) {
        return activities.rewards(QueryParams.longValue("activityId", activityId), QueryParams.longValue("memberId", memberId),
                QueryParams.enumValue("state", RewardState.class, state), QueryParams.intValue("page", page, 1), QueryParams.intValue("size", size, 20));
    }

    @POST
    @Path("rewards/{id}/retry")
    @ApiResponse(responseCode = "200", description = "PENDING again: delivered by the next run", content = @Content(schema = @Schema(implementation = Reward.class)))
    public Reward retry(@PathParam("id") String id) {
        return activities.retry(QueryParams.id("id", id));
    }
}
