package io.tessera.platform.internal.rest;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tessera.platform.api.web.PublicEndpoint;
import io.tessera.platform.internal.schema.SchemaMigrations;
import io.tessera.platform.internal.web.DomainAvailability;
import io.tessera.platform.internal.web.OpenApiRegistry;
import java.time.Instant;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Health (open) and the live OpenAPI document of the installed domains. */
@Component(service = PlatformResource.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformResource {

    private final JpaTemplate jpa;

    private final OpenApiRegistry openApi;

    private final SchemaMigrations schemas;

    private final DomainAvailability availability;

    @Activate
    public PlatformResource(@Reference(target = "(osgi.unit.name=tessera-platform)") JpaTemplate jpa,
            @Reference OpenApiRegistry openApi, @Reference SchemaMigrations schemas, @Reference DomainAvailability availability) {
        this.jpa = jpa;
        this.openApi = openApi;
        this.schemas = schemas;
        this.availability = availability;
    }

    /** What the health check answers. */
    public static class Health {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"UP", "DOWN"})
        public String status;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"UP", "DOWN"})
        public String database;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The domain bundles whose REST resources are installed")
        public List<String> domains;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time")
        public String time;
        @Schema(description = "Present when this node refuses domains because the database's schema of their persistence unit "
                + "is newer than this build (then the status is DOWN)")
        public List<String> newerSchemas;
        @Schema(description = "Present when domains of this node are away but coming back (their feature being installed, "
                + "refreshed or redeployed: their paths answer 503 DOMAIN_UNAVAILABLE); the status is DOWN meanwhile, so a load "
                + "balancer sends their work to another node", example = "[\"wallets\"]")
        public List<String> comingBack;
        @Schema(description = "Present (true) while the node is starting: Karaf is still installing its features, the domains are "
                + "still arriving (the status is DOWN meanwhile)")
        public Boolean starting;
    }

    @GET
    @Path("health")
    @PublicEndpoint
    @ApiResponse(responseCode = "200", description = "Tessera and its database answer", content = @Content(schema = @Schema(implementation = Health.class)))
    @ApiResponse(responseCode = "503", description = "The database does not answer, its schema of a domain is newer than this build (newerSchemas), "
            + "domains are away but coming back (comingBack), or the node is starting (starting)",
            content = @Content(schema = @Schema(implementation = Health.class)))
    public Response health() {
        Health body = new Health();
        boolean dbUp;
        try {
            jpa.txExpr(TransactionType.Supports, em -> em
                    .createQuery("SELECT t.tokenHash FROM TokenEntity t WHERE t.tokenHash = ''", String.class)
                    .setMaxResults(1).getResultList());
            dbUp = true;
        } catch (RuntimeException e) {
            dbUp = false;
        }
        java.util.Set<String> newer = schemas.newerSchemas();
        List<String> away = availability.away();
        boolean booted = availability.booted();
        boolean up = dbUp && newer.isEmpty() && away.isEmpty() && booted;
        body.status = up ? "UP" : "DOWN";
        body.database = dbUp ? "UP" : "DOWN";
        body.domains = openApi.domains();
        body.time = Instant.now().toString();
        body.newerSchemas = newer.isEmpty() ? null : newer.stream().sorted().toList();
        body.comingBack = away.isEmpty() ? null : away;
        body.starting = booted ? null : Boolean.TRUE;
        return Response.status(up ? 200 : 503).entity(body).build();
    }

    @GET
    @Path("openapi.json")
    @ApiResponse(responseCode = "200", description = "This document: exactly the endpoints of the installed domains",
            content = @Content(schema = @Schema(type = "object")))
    public Response openApi() {
        return Response.ok(openApi.merged()).build();
    }
}
