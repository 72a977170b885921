package io.tessera.org.internal.rest;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.org.api.StoreRequest;
import io.tessera.platform.api.web.Endpoints;
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

/** Stores: a store-level caller sees only its own. */
@Component(service = StoresResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/stores")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StoresResource {

    private final OrgService org;

    @Activate
    public StoresResource(@Reference OrgService org) {
        this.org = org;
    }

    @GET
    public List<Store> listStores(@QueryParam("format") String format) {
        return org.listStores(format);
    }

    @POST
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = Store.class)))
    public Response createStore(StoreRequest request) {
        Store s = org.createStore(request);
        return Response.created(URI.create("stores/" + s.id)).entity(s).build();
    }

    @GET
    @Path("{id}")
    public Store getStore(@PathParam("id") long id) {
        return org.getStore(id);
    }

    @PUT
    @Path("{id}")
    public Store updateStore(@PathParam("id") long id, StoreRequest request) {
        return org.updateStore(id, request);
    }
}
