package io.tessera.platform.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.auth.ClientCredentialService;
import io.tessera.platform.api.auth.ClientCredentialService.ClientInfo;
import io.tessera.platform.api.auth.ClientCredentialService.NewClient;
import io.tessera.platform.api.web.Endpoints;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Integrator clients (POS vendors, mini-programs; HTTP Basic) for headquarters administrators: the list, a new
 * client with its secret shown once, disabling one. Clients can also come from configuration files
 * ({@code etc/io.tessera.client-<name>.cfg}) and the console ({@code platform:client-*}).
 */
@Component(service = ClientsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientsResource {

    /** A new integrator client. */
    public static class ClientRequest {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9_.-]{3,64}$")
        public String clientId;
        @Schema(maxLength = 100)
        public String name;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Role role;
        @Schema(description = "The stores a client of a store-level role acts for (at least one); ignored for headquarters roles")
        public List<Long> storeIds;
    }

    private final ClientCredentialService clients;

    @Activate
    public ClientsResource(@Reference ClientCredentialService clients) {
        this.clients = clients;
    }

    @GET
    @Operation(summary = "Integrator clients (HQ_ADMIN); secrets are never shown again")
    public List<ClientInfo> listClients() {
        return clients.list();
    }

    @POST
    @Operation(summary = "Create an integrator client (HQ_ADMIN); the answer carries its secret, the only time it is shown")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = NewClient.class)))
    public Response createClient(ClientRequest request) {
        Checks.required("body", request);
        Checks.maxLength("name", request.name, 100);
        if (request.storeIds != null && request.storeIds.contains(null)) {
            throw PlatformErrors.FIELD_INVALID.at("storeIds", "store ids are numbers, not null");
        }
        Set<Long> stores = request.storeIds == null ? Set.of() : new TreeSet<>(request.storeIds);
        NewClient c = clients.create(request.clientId, request.name, request.role, stores);
        return Response.created(URI.create("clients/" + c.getClientId())).entity(c).build();
    }

    @POST
    @Path("{client}/disable")
    @Operation(summary = "Disable an integrator client (HQ_ADMIN): its credentials stop working at once")
    @ApiResponse(responseCode = "204", description = "Disabled")
    public Response disableClient(@Parameter(description = "The client id", schema = @Schema(pattern = "^[A-Za-z0-9_.-]{3,64}$"))
                                  @PathParam("client") String clientId) {
        clients.disable(clientId);
        return Response.noContent().build();
    }
}
