package io.tessera.platform.internal.web;

import io.tessera.platform.api.web.PublicEndpoint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Health (open) and the live OpenAPI document of the installed domains. */
@Component(service = PlatformResource.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformResource {

    @Reference(target = "(osgi.unit.name=tessera-platform)")
    private JpaTemplate jpa;

    @Reference
    private OpenApiRegistry openApi;

    @GET
    @Path("health")
    @PublicEndpoint
    public Response health() {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean dbUp;
        try {
            jpa.txExpr(TransactionType.Supports, em -> em
                    .createQuery("SELECT t.tokenHash FROM TokenEntity t WHERE t.tokenHash = ''", String.class)
                    .setMaxResults(1).getResultList());
            dbUp = true;
        } catch (RuntimeException e) {
            dbUp = false;
        }
        body.put("status", dbUp ? "UP" : "DOWN");
        body.put("database", dbUp ? "UP" : "DOWN");
        body.put("domains", openApi.domains());
        body.put("time", Instant.now().toString());
        return Response.status(dbUp ? 200 : 503).entity(body).build();
    }

    @GET
    @Path("openapi.json")
    public Response openApi() {
        return Response.ok(openApi.merged()).build();
    }

}
