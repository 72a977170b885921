package io.tessera.platform.internal.rest;

import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.jobs.JobResult;
import io.tessera.platform.api.jobs.JobService;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Background jobs (imports, exports): poll one until it finishes, then download its result. */
@Component(service = JobsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    @Reference
    private JobService jobs;

    @GET
    public List<Job> recent(@QueryParam("type") String type, @QueryParam("limit") String limit) {
        return jobs.recent(type == null || type.isBlank() ? null : type.trim(), QueryParams.intValue("limit", limit, 20));
    }

    @GET
    @Path("{id}")
    public Job get(@PathParam("id") String id) {
        return jobs.get(QueryParams.longValue("id", id));
    }

    @GET
    @Path("{id}/result")
    @Produces(MediaType.WILDCARD)
    public Response result(@PathParam("id") String id) {
        JobResult r = jobs.result(QueryParams.longValue("id", id));
        return Response.ok(r.file.toFile(), r.contentType)
                .header("Content-Disposition", "attachment; filename=\"" + r.fileName + "\"").build();
    }
}
