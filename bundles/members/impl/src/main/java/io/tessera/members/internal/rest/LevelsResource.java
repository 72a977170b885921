package io.tessera.members.internal.rest;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.tessera.members.api.Level;
import io.tessera.members.api.LevelService;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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

/** Member levels; changing them re-evaluates every member. */
@Component(service = LevelsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/levels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LevelsResource {

    private final LevelService levels;

    @Activate
    public LevelsResource(@Reference LevelService levels) {
        this.levels = levels;
    }

    @GET
    public List<Level> listLevels() {
        return levels.list();
    }

    @POST
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = Level.class)))
    public Response createLevel(Level level) {
        Level l = levels.create(level);
        return Response.created(URI.create("levels/" + l.id)).entity(l).build();
    }

    @PUT
    @Path("{id}")
    public Level updateLevel(@PathParam("id") long id, Level level) {
        return levels.update(id, level);
    }

    @DELETE
    @Path("{id}")
    @ApiResponse(responseCode = "204", description = "Deleted; its members moved to the level given")
    public Response deleteLevel(@PathParam("id") long id, @QueryParam("moveTo") String moveTo) {
        levels.delete(id, QueryParams.longValue("moveTo", moveTo));
        return Response.noContent().build();
    }

    @POST
    @Path("reevaluate")
    public Map<String, Integer> reevaluateLevels() {
        return Map.of("changed", levels.reevaluateAll());
    }
}
