package io.tessera.coupons.internal.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tessera.coupons.api.Coupon;
import io.tessera.coupons.api.CouponQuery;
import io.tessera.coupons.api.CouponQueryService;
import io.tessera.coupons.api.CouponService;
import io.tessera.coupons.api.CouponState;
import io.tessera.coupons.api.Requests;
import io.tessera.coupons.api.SendResult;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import java.net.URI;
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

/** Coupons: claim (within stock and limits), read one with its history, list a member's, gift, void. */
@Component(service = CouponsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/coupons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CouponsResource {

    private static final String KEY = "The caller's key for this operation: a retry with the same key and body answers the first result and changes nothing again";

    private final CouponService coupons;
    private final CouponQueryService queries;

    @Activate
    public CouponsResource(@Reference CouponService coupons, @Reference CouponQueryService queries) {
        this.coupons = coupons;
        this.queries = queries;
    }

    @POST
    @ApiResponse(responseCode = "201", description = "Claimed: the member's new coupon", content = @Content(schema = @Schema(implementation = Coupon.class)))
    public Response claim(Requests.Claim request, @Parameter(required = true, description = KEY) @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        return Response.status(201).entity(coupons.claim(request, key)).build();
    }

    @POST
    @Path("sends")
    @ApiResponse(responseCode = "201", description = "Sent to the listed members: each one's coupon, or why not", content = @Content(schema = @Schema(implementation = SendResult.class)))
    @ApiResponse(responseCode = "202", description = "A segment: sending as a job (Location); its counters say sent and not sent", content = @Content(schema = @Schema(implementation = SendResult.class)))
    public Response send(Requests.Send request, @Parameter(required = true, description = KEY) @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        SendResult result = coupons.send(request, key);
        if (result.job == null) {
            return Response.status(201).entity(result).build();
        }
        return Response.accepted(result).location(URI.create(Endpoints.REST_BASE + "/jobs/" + result.job.id)).build();
    }

    @GET
    public Page<Coupon> list(@QueryParam("memberId") String memberId, @QueryParam("templateId") String templateId,
                             @Parameter(schema = @Schema(implementation = CouponState.class)) @QueryParam("state") String state,
                             @QueryParam("page") String page, @QueryParam("size") String size) {
        CouponQuery q = new CouponQuery();
        q.memberId = QueryParams.longValue("memberId", memberId);
        q.templateId = QueryParams.longValue("templateId", templateId);
        q.state = QueryParams.enumValue("state", CouponState.class, state);
        q.page = QueryParams.intValue("page", page, 1);
        q.size = QueryParams.intValue("size", size, 20);
        return queries.list(q);
    }

    @GET
    @Path("{couponNo}")
    public Coupon get(@PathParam("couponNo") String couponNo) {
        return queries.get(couponNo);
    }

    @POST
    @Path("{couponNo}/gift")
    @ApiResponse(responseCode = "200", description = "Given: the coupon, now the other member's", content = @Content(schema = @Schema(implementation = Coupon.class)))
    public Coupon gift(@PathParam("couponNo") String couponNo, Requests.Gift request,
                       @Parameter(required = true, description = KEY) @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        return coupons.gift(couponNo, request, key);
    }

    @POST
    @Path("{couponNo}/void")
    @ApiResponse(responseCode = "200", description = "Voided", content = @Content(schema = @Schema(implementation = Coupon.class)))
    public Coupon voidCoupon(@PathParam("couponNo") String couponNo, Requests.Void request,
                             @Parameter(required = true, description = KEY) @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        return coupons.voidCoupon(couponNo, request, key);
    }
}
