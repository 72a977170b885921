package io.tessera.org.internal.rest;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.tessera.org.api.Operator;
import io.tessera.org.api.OperatorRequest;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.web.QueryParams;
import java.net.URI;
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

/** Operators: managed by HQ_ADMIN; store managers see their stores' staff. */
@Component(service = OperatorsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/operators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorsResource {

    private final OrgService org;

    @Activate
    public OperatorsResource(@Reference OrgService org) {
        this.org = org;
    }

    @GET
    public Page<Operator> listOperators(@QueryParam("storeId") String storeId, @QueryParam("page") String page,
                                        @QueryParam("size") String size) {
        return org.listOperators(QueryParams.longValue("storeId", storeId), QueryParams.intValue("page", page, 1),
                QueryParams.intValue("size", size, 20));
    }

    @POST
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = Operator.class)))
    public Response createOperator(OperatorRequest request) {
        Operator o = org.createOperator(request);
        return Response.created(URI.create("operators/" + o.id)).entity(o).build();
    }

    @GET
    @Path("{id}")
    public Operator getOperator(@PathParam("id") long id) {
        return org.getOperator(id);
    }

    @PUT
    @Path("{id}")
    public Operator updateOperator(@PathParam("id") long id, OperatorRequest request) {
        return org.updateOperator(id, request);
    }
}
