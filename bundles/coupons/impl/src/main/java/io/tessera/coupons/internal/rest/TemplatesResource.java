package io.tessera.coupons.internal.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tessera.coupons.api.CouponKind;
import io.tessera.coupons.api.CouponTemplate;
import io.tessera.coupons.api.CouponTemplateService;
import io.tessera.coupons.api.Requests;
import io.tessera.coupons.api.TemplateQuery;
import io.tessera.coupons.api.TemplateStatus;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.audit.AuditEntry;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import java.net.URI;
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

/** Coupon templates: create (a draft), change, activate, stop, read, list, and their audit trail. */
@Component(service = TemplatesResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/coupons/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplatesResource {

    private final CouponTemplateService templates;

    @Activate
    public TemplatesResource(@Reference CouponTemplateService templates) {
        this.templates = templates;
    }

    @POST
    @ApiResponse(responseCode = "201", description = "Created as a DRAFT", content = @Content(schema = @Schema(implementation = CouponTemplate.class)))
    public Response create(Requests.TemplateRequest request) {
        return Response.status(201).entity(templates.create(request)).build();
    }

    @GET
    public Page<CouponTemplate> list(@QueryParam("name") String name,
                                     @Parameter(schema = @Schema(implementation = CouponKind.class)) @QueryParam("kind") String kind,
                                     @Parameter(schema = @Schema(implementation = TemplateStatus.class)) @QueryParam("status") String status,
                                     @QueryParam("storeId") String storeId, @Parameter(schema = @Schema(type = "boolean")) @QueryParam("pointsExchangeable") String points,
                                     @QueryParam("page") String page, @QueryParam("size") String size) {
        TemplateQuery q = new TemplateQuery();
        q.name = name;
        q.kind = QueryParams.enumValue("kind", CouponKind.class, kind);
        q.status = QueryParams.enumValue("status", TemplateStatus.class, status);
        q.storeId = QueryParams.longValue("storeId", storeId);
        q.pointsExchangeable = QueryParams.booleanValue("pointsExchangeable", points);
        q.page = QueryParams.intValue("page", page, 1);
        q.size = QueryParams.intValue("size", size, 20);
        return templates.list(q);
    }

    @GET
    @Path("{id}")
    public CouponTemplate get(@PathParam("id") String id) {
        return templates.get(QueryParams.id("id", id));
    }

    @PUT
    @Path("{id}")
    public CouponTemplate update(@PathParam("id") String id, Requests.TemplateRequest request) {
        return templates.update(QueryParams.id("id", id), request);
    }

    @POST
    @Path("{id}/activate")
    @ApiResponse(responseCode = "200", description = "ACTIVE: its coupons can be claimed", content = @Content(schema = @Schema(implementation = CouponTemplate.class)))
    public CouponTemplate activate(@PathParam("id") String id) {
        return templates.activate(QueryParams.id("id", id));
    }

    @POST
    @Path("{id}/stop")
    @ApiResponse(responseCode = "200", description = "STOPPED: no new coupons; those issued stay usable", content = @Content(schema = @Schema(implementation = CouponTemplate.class)))
    public CouponTemplate stop(@PathParam("id") String id) {
        return templates.stop(QueryParams.id("id", id));
    }

    @POST
    @Path("{id}/void-coupons")
    @ApiResponse(responseCode = "202", description = "Voiding its available coupons as a job (Location)", content = @Content(schema = @Schema(implementation = Job.class)))
    public Response voidCoupons(@PathParam("id") String id, Requests.Void request) {
        Checks.required("body", request);
        Job job = templates.voidCoupons(QueryParams.id("id", id), request.reason);
        return Response.accepted(job).location(URI.create(Endpoints.REST_BASE + "/jobs/" + job.id)).build();
    }

    @GET
    @Path("{id}/audit")
    public List<AuditEntry> audit(@PathParam("id") String id) {
        return templates.audit(QueryParams.id("id", id));
    }
}
