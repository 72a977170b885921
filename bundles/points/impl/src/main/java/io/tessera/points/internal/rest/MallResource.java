package io.tessera.points.internal.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import io.tessera.points.api.Exchange;
import io.tessera.points.api.MallItem;
import io.tessera.points.api.PointsMallService;
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

/** The points mall (积分商城): the coupons a member can have for points, and exchanges (points and coupon in one transaction). */
@Component(service = MallResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MallResource {

    private static final String KEY = "The caller's key for this operation: a retry with the same key and body answers the first result and changes nothing again";

    private final PointsMallService mall;

    @Activate
    public MallResource(@Reference PointsMallService mall) {
        this.mall = mall;
    }

    @GET
    @Path("mall")
    public List<MallItem> items(@Parameter(required = true) @QueryParam("memberId") String memberId,
                                @Parameter(description = "Only the templates usable in this store") @QueryParam("storeId") String storeId) {
        return mall.items(QueryParams.id("memberId", memberId), QueryParams.longValue("storeId", storeId));
    }

    @POST
    @Path("exchanges")
    @ApiResponse(responseCode = "201", description = "Exchanged: the points taken and the coupon issued", content = @Content(schema = @Schema(implementation = Exchange.class)))
    public Response exchange(Requests.Exchange request, @Parameter(required = true, description = KEY) @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        return Response.status(201).entity(mall.exchange(request, key)).build();
    }

    @GET
    @Path("exchanges")
    public Page<Exchange> exchanges(@Parameter(required = true) @QueryParam("memberId") String memberId, @QueryParam("page") String page,
                                    @QueryParam("size") String size) {
        return mall.exchanges(QueryParams.id("memberId", memberId), QueryParams.intValue("page", page, 1), QueryParams.intValue("size", size, 20));
    }
}
