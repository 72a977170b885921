package io.tessera.points.internal.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.audit.AuditEntry;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import io.tessera.points.api.Earning;
import io.tessera.points.api.EarningRule;
import io.tessera.points.api.EarningRuleService;
import io.tessera.points.api.Requests;
import io.tessera.points.api.RuleKind;
import io.tessera.points.api.RuleStatus;
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

/** Earning rules: create (a draft), change, activate, stop, read, list, their audit trail, and a simulation of what an order would earn. */
@Component(service = RulesResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/points/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RulesResource {

    private final EarningRuleService rules;

    @Activate
    public RulesResource(@Reference EarningRuleService rules) {
        this.rules = rules;
    }

    @POST
    @ApiResponse(responseCode = "201", description = "Created as a DRAFT", content = @Content(schema = @Schema(implementation = EarningRule.class)))
    public Response create(Requests.RuleRequest request) {
        return Response.status(201).entity(rules.create(request)).build();
    }

    @GET
    public Page<EarningRule> list(@Parameter(schema = @Schema(implementation = RuleKind.class)) @QueryParam("kind") String kind,
                                  @Parameter(schema = @Schema(implementation = RuleStatus.class)) @QueryParam("status") String status,
                                  @QueryParam("page") String page, @QueryParam("size") String size) {
        return rules.list(QueryParams.enumValue("kind", RuleKind.class, kind), QueryParams.enumValue("status", RuleStatus.class, status),
                QueryParams.intValue("page", page, 1), QueryParams.intValue("size", size, 20));
    }

    @POST
    @Path("simulate")
    @ApiResponse(responseCode = "200", description = "What the order would earn now, and why (nothing is written)", content = @Content(schema = @Schema(implementation = Earning.class)))
    public Earning simulate(Requests.Simulation request) {
        return rules.simulate(request);
    }

    @GET
    @Path("{id}")
    public EarningRule get(@PathParam("id") String id) {
        return rules.get(QueryParams.id("id", id));
    }

    @PUT
    @Path("{id}")
    public EarningRule update(@PathParam("id") String id, Requests.RuleRequest request) {
        return rules.update(QueryParams.id("id", id), request);
    }

    @POST
    @Path("{id}/activate")
    @ApiResponse(responseCode = "200", description = "ACTIVE: orders paid from now on earn by it", content = @Content(schema = @Schema(implementation = EarningRule.class)))
    public EarningRule activate(@PathParam("id") String id) {
        return rules.activate(QueryParams.id("id", id));
    }

    @POST
    @Path("{id}/stop")
    @ApiResponse(responseCode = "200", description = "STOPPED: earns nothing from now on", content = @Content(schema = @Schema(implementation = EarningRule.class)))
    public EarningRule stop(@PathParam("id") String id) {
        return rules.stop(QueryParams.id("id", id));
    }

    @GET
    @Path("{id}/audit")
    public List<AuditEntry> audit(@PathParam("id") String id) {
        return rules.audit(QueryParams.id("id", id));
    }
}
