package io.tessera.reporting.internal.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.web.BodyLimit;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import io.tessera.reporting.api.BillDifference;
import io.tessera.reporting.api.BillImport;
import io.tessera.reporting.api.BillService;
import io.tessera.reporting.api.DifferenceState;
import io.tessera.reporting.api.FundsReport;
import io.tessera.reporting.api.ReportExports;
import io.tessera.reporting.api.ResolutionRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** 对账: the channels' daily bills matched against Tessera, their differences and their days (headquarters and finance). */
@Component(service = BillsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/reports/bills")
@Produces(MediaType.APPLICATION_JSON)
public class BillsResource {

    private final BillService bills;
    private final ReportExports exports;

    @Activate
    public BillsResource(@Reference BillService bills, @Reference ReportExports exports) {
        this.bills = bills;
        this.exports = exports;
    }

    @POST
    @Path("fetch")
    @ApiResponse(responseCode = "202", description = "Asking the channel for each merchant account's bill and reconciling it: poll the job (Location)",
            content = @Content(schema = @Schema(implementation = Job.class)))
    public Response fetch(@Parameter(required = true, schema = @Schema(allowableValues = {"WECHAT", "ALIPAY"})) @QueryParam("method") String method,
                          @Parameter(required = true, description = "The bill's day, yyyy-MM-dd", schema = @Schema(type = "string", format = "date"))
                          @QueryParam("day") String day) {
        Job job = bills.fetch(QueryParams.enumValue("method", PaymentMethod.class, method), Checks.date("day", day));
        return Response.accepted(job).location(URI.create(Endpoints.REST_BASE + "/jobs/" + job.id)).build();
    }

    /** A bill file HQ downloaded from the channel's merchant platform: WeChat Pay's CSV, Alipay's ZIP. */
    @POST
    @Consumes({"text/csv", "text/plain", "application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @BodyLimit(name = "billUpload", defaultBytes = 64L << 20)
    @ApiResponse(responseCode = "202", description = "Read; reconciling: poll the job (jobId, Location)", content = @Content(schema = @Schema(implementation = BillImport.class)))
    @ApiResponse(responseCode = "200", description = "The same file was imported before (duplicate = true): nothing runs", content = @Content(schema = @Schema(implementation = BillImport.class)))
    public Response upload(InputStream body,
                           @Parameter(required = true, schema = @Schema(allowableValues = {"WECHAT", "ALIPAY"})) @QueryParam("method") String method,
                           @Parameter(required = true, description = "The merchant account's id at the channel (mchid, app id)") @QueryParam("merchantId") String merchantId,
                           @Parameter(required = true, description = "The bill's day, yyyy-MM-dd", schema = @Schema(type = "string", format = "date"))
                           @QueryParam("day") String day) throws IOException {
        BillImport imp = bills.upload(QueryParams.enumValue("method", PaymentMethod.class, method), merchantId, Checks.date("day", day),
                body.readAllBytes());
        if (imp.duplicate) {
            return Response.ok(imp).build();
        }
        return Response.accepted(imp).location(URI.create(Endpoints.REST_BASE + "/jobs/" + imp.jobId)).build();
    }

    @GET
    public Page<BillImport> list(@Parameter(schema = @Schema(allowableValues = {"WECHAT", "ALIPAY"})) @QueryParam("method") String method,
                                 @Parameter(description = "First day, yyyy-MM-dd", schema = @Schema(type = "string", format = "date")) @QueryParam("from") String from,
                                 @Parameter(description = "Last day, yyyy-MM-dd", schema = @Schema(type = "string", format = "date")) @QueryParam("to") String to,
                                 @QueryParam("page") String page, @QueryParam("size") String size) {
        return bills.bills(QueryParams.enumValue("method", PaymentMethod.class, method), Checks.date("from", from), Checks.date("to", to),
                QueryParams.intValue("page", page, 1), QueryParams.intValue("size", size, 20));
    }

    @GET
    @Path("{id}")
    public BillImport get(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id) {
        return bills.bill(QueryParams.id("id", id));
    }

    @GET
    @Path("{id}/differences")
    public Page<BillDifference> differences(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id,
                                            @Parameter(schema = @Schema(implementation = DifferenceState.class)) @QueryParam("state") String state,
                                            @QueryParam("page") String page, @QueryParam("size") String size) {
        return bills.differences(QueryParams.id("id", id), QueryParams.enumValue("state", DifferenceState.class, state),
                QueryParams.intValue("page", page, 1), QueryParams.intValue("size", size, 20));
    }

    @POST
    @Path("{id}/differences/export")
    @ApiResponse(responseCode = "202", description = "Export started: poll the job (Location), then download its result (resultUrl)",
            content = @Content(schema = @Schema(implementation = Job.class)))
    public Response exportDifferences(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id,
                                      @Parameter(schema = @Schema(implementation = DifferenceState.class)) @QueryParam("state") String state,
                                      @Parameter(schema = @Schema(allowableValues = {"csv", "xlsx"})) @QueryParam("format") String format) {
        Job job = exports.exportDifferences(QueryParams.id("id", id), QueryParams.enumValue("state", DifferenceState.class, state), format);
        return Response.accepted(job).location(URI.create(Endpoints.REST_BASE + "/jobs/" + job.id)).build();
    }

    @POST
    @Path("differences/{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "RESOLVED, with who won, who said so and why", content = @Content(schema = @Schema(implementation = BillDifference.class)))
    public BillDifference resolve(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id, ResolutionRequest request) {
        ResolutionRequest r = Checks.required("body", request);
        return bills.resolve(QueryParams.id("id", id), r.resolution, r.reason);
    }

    /** 财务对账: per day and merchant account, the funds that should reach the bank beside the bills'. */
    @GET
    @Path("funds")
    public FundsReport funds(@Parameter(required = true, description = "First day, yyyy-MM-dd", schema = @Schema(type = "string", format = "date"))
                             @QueryParam("from") String from,
                             @Parameter(required = true, description = "Last day, yyyy-MM-dd (at most 62 days)", schema = @Schema(type = "string", format = "date"))
                             @QueryParam("to") String to) {
        return bills.funds(Checks.date("from", from), Checks.date("to", to));
    }

    @POST
    @Path("{id}/close")
    @ApiResponse(responseCode = "200", description = "The day closed (again: as it was)", content = @Content(schema = @Schema(implementation = BillImport.class)))
    public BillImport close(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id) {
        return bills.close(QueryParams.id("id", id));
    }
}
