package io.tessera.points.internal.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import io.tessera.points.api.Earning;
import io.tessera.points.api.LotStatus;
import io.tessera.points.api.PointsAccount;
import io.tessera.points.api.PointsCheck;
import io.tessera.points.api.PointsEntry;
import io.tessera.points.api.PointsLot;
import io.tessera.points.api.PointsService;
import io.tessera.points.api.Requests;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A member's points: accounts, journal, lots, what orders and activities earned (and why), and headquarters' adjustments. */
@Component(service = PointsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PointsResource {

    private static final String KEY = "The caller's key for this operation: a retry with the same key and body answers the first result and changes nothing again";

    private final PointsService points;

    @Activate
    public PointsResource(@Reference PointsService points) {
        this.points = points;
    }

    @GET
    @Path("accounts")
    public List<PointsAccount> accounts(@Parameter(required = true) @QueryParam("memberId") String memberId) {
        return points.accounts(QueryParams.id("memberId", memberId));
    }

    @GET
    @Path("journal")
    public Page<PointsEntry> journal(@Parameter(required = true) @QueryParam("memberId") String memberId, @QueryParam("page") String page,
                                     @QueryParam("size") String size) {
        return points.journal(QueryParams.id("memberId", memberId), QueryParams.intValue("page", page, 1), QueryParams.intValue("size", size, 20));
    }

    @GET
    @Path("lots")
    public Page<PointsLot> lots(@Parameter(required = true) @QueryParam("memberId") String memberId,
                                @Parameter(schema = @Schema(implementation = LotStatus.class)) @QueryParam("status") String status,
                                @QueryParam("page") String page, @QueryParam("size") String size) {
        return points.lots(QueryParams.id("memberId", memberId), QueryParams.enumValue("status", LotStatus.class, status),
                QueryParams.intValue("page", page, 1), QueryParams.intValue("size", size, 20));
    }

    @GET
    @Path("earnings")
    public Page<Earning> earnings(@Parameter(description = "An order's earnings (this or memberId)", schema = @Schema(maxLength = 32)) @QueryParam("orderNo") String orderNo,
                                  @Parameter(description = "A member's earnings, newest first (this or orderNo)") @QueryParam("memberId") String memberId,
                                  @QueryParam("page") String page, @QueryParam("size") String size) {
        return points.earnings(orderNo, QueryParams.longValue("memberId", memberId), QueryParams.intValue("page", page, 1),
                QueryParams.intValue("size", size, 20));
    }

    @GET
    @Path("check")
    public PointsCheck check() {
        return points.check();
    }

    @POST
    @Path("adjustments")
    @ApiResponse(responseCode = "201", description = "Adjusted: the journal row", content = @Content(schema = @Schema(implementation = PointsEntry.class)))
    public Response adjust(Requests.Adjustment request, @Parameter(required = true, description = KEY) @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        return Response.status(201).entity(points.adjust(request, key)).build();
    }
}
