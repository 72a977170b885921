package io.tessera.platform.internal.rest;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.jobs.JobQueries;
import io.tessera.platform.api.jobs.JobResult;
import io.tessera.platform.api.jobs.JobService;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import io.tessera.platform.api.Page;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Background jobs (imports, exports): poll one until it finishes, then download its result. */
@Component(service = JobsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    private final JobService jobs;
    private final JobQueries queries;

    @Activate
    public JobsResource(@Reference JobService jobs, @Reference JobQueries queries) {
        this.jobs = jobs;
        this.queries = queries;
    }

    /** The jobs the caller may see (headquarters: everyone's), or with {@code mine=true} only the caller's own (a downloads list). */
    @GET
    public Page<Job> list(@QueryParam("type") String type,
                          @Parameter(description = "Only the caller's own jobs", schema = @Schema(type = "boolean")) @QueryParam("mine") String mine,
                          @QueryParam("page") String page, @QueryParam("size") String size) {
        String t = type == null || type.isEmpty() ? null : type;
        int p = QueryParams.intValue("page", page, 1);
        int n = QueryParams.intValue("size", size, 20);
        return Boolean.TRUE.equals(QueryParams.booleanValue("mine", mine)) ? queries.mine(t, p, n) : jobs.list(t, p, n);
    }

    @GET
    @Path("{id}")
    public Job get(@PathParam("id") String id) {
        return jobs.get(QueryParams.id("id", id));
    }

    @GET
    @Path("{id}/result")
    @Produces(MediaType.WILDCARD)
    @ApiResponse(responseCode = "200", description = "The job's result file (e.g. text/csv), as an attachment", content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    public Response result(@PathParam("id") String id) {
        JobResult r = jobs.result(QueryParams.id("id", id));
        return Response.ok(r.file.toFile(), r.contentType)
                .header("Content-Disposition", "attachment; filename=\"" + r.fileName + "\"").build();
    }
}
