package io.tessera.org.internal.rest;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.tessera.org.api.BusinessFormat;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.web.Endpoints;
import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Store formats (业态). */
@Component(service = FormatsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/formats")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FormatsResource {

    private final OrgService org;

    @Activate
    public FormatsResource(@Reference OrgService org) {
        this.org = org;
    }

    @GET
    public List<BusinessFormat> listFormats() {
        return org.listFormats();
    }

    @POST
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = BusinessFormat.class)))
    public Response createFormat(BusinessFormat format) {
        BusinessFormat f = org.createFormat(format);
        return Response.created(URI.create("formats/" + f.code)).entity(f).build();
    }
}
