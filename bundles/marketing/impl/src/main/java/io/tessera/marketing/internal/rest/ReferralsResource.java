package io.tessera.marketing.internal.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tessera.marketing.api.Referral;
import io.tessera.marketing.api.ReferralCode;
import io.tessera.marketing.api.ReferralService;
import io.tessera.marketing.api.ReferralState;
import io.tessera.marketing.api.Requests;
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

/** Referrals (推荐有礼): a member's code, naming a referrer after registering, who referred whom. */
@Component(service = ReferralsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/marketing/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferralsResource {

    private static final String KEY = "The caller's key for this operation: a retry with the same key and body answers the first result and changes nothing again";

    private final ReferralService referrals;

    @Activate
    public ReferralsResource(@Reference ReferralService referrals) {
        this.referrals = referrals;
    }

    @GET
    @Path("codes/{memberId}")
    public ReferralCode code(@PathParam("memberId") String memberId) {
        return referrals.code(QueryParams.id("memberId", memberId));
    }

    @POST
    @ApiResponse(responseCode = "201", description = "Bound (REWARDED at once when the activity rewards at registration)",
            content = @Content(schema = @Schema(implementation = Referral.class)))
    public Response bind(Requests.Binding binding, @Parameter(required = true, description = KEY) @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        return Response.status(201).entity(referrals.bind(binding, key)).build();
    }

    @GET
    @Path("{refereeId}")
    public Referral get(@PathParam("refereeId") String refereeId) {
        return referrals.get(QueryParams.id("refereeId", refereeId));
    }

    @GET
    public Page<Referral> list(@QueryParam("referrerId") String referrerId,
                               @Parameter(schema = @Schema(implementation = ReferralState.class)) @QueryParam("state") String state,
                               @QueryParam("page") String page, @QueryParam("size") String size) {
        return referrals.list(QueryParams.longValue("referrerId", referrerId), QueryParams.enumValue("state", ReferralState.class, state),
                QueryParams.intValue("page", page, 1), QueryParams.intValue("size", size, 20));
    }
}
