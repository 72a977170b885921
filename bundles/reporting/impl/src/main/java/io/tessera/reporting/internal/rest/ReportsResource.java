package io.tessera.reporting.internal.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.audit.AuditEntry;
import io.tessera.platform.api.audit.AuditQueries;
import io.tessera.platform.api.audit.AuditQuery;
import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import io.tessera.reporting.api.CouponReport;
import io.tessera.reporting.api.OverviewReport;
import io.tessera.reporting.api.PaymentMethodReport;
import io.tessera.reporting.api.PointsReport;
import io.tessera.reporting.api.ReadModelService;
import io.tessera.reporting.api.ReadModelStatus;
import io.tessera.reporting.api.RechargeRecord;
import io.tessera.reporting.api.RechargeReport;
import io.tessera.reporting.api.ReportExports;
import io.tessera.reporting.api.ReportKind;
import io.tessera.reporting.api.ReportQuery;
import io.tessera.reporting.api.ReportService;
import io.tessera.reporting.api.StoredValueReport;
import java.net.URI;
import javax.ws.rs.BeanParam;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The back office's reports (概览, 支付方式报表, 充值数据, 储值数据, 积分数据, 优惠券统计, 操作记录), their exports, and the read model they answer from. */
@Component(service = ReportsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    private final ReportService reports;
    private final ReadModelService model;
    private final ReportExports exports;
    private final AuditQueries audit;

    @Activate
    public ReportsResource(@Reference ReportService reports, @Reference ReadModelService model, @Reference ReportExports exports,
                           @Reference AuditQueries audit) {
        this.reports = reports;
        this.model = model;
        this.exports = exports;
        this.audit = audit;
    }

    /** 操作记录: who did what, where and when, from the audit trail (newest first; store roles: their stores' entries). */
    @GET
    @Path("operations")
    public Page<AuditEntry> operations(@Parameter(required = true, description = "First day, yyyy-MM-dd", schema = @Schema(type = "string", format = "date"))
                                       @QueryParam("from") String from,
                                       @Parameter(required = true, description = "Last day, yyyy-MM-dd (at most 366 days)", schema = @Schema(type = "string",
                                               format = "date")) @QueryParam("to") String to,
                                       @Parameter(schema = @Schema(type = "integer", format = "int64")) @QueryParam("storeId") String storeId,
                                       @Parameter(description = "Who, as recorded (e.g. operator:E10301)") @QueryParam("actor") String actor,
                                       @Parameter(description = "An action or its beginning (e.g. wallets.)") @QueryParam("action") String action,
                                       @QueryParam("entityType") String entityType, @QueryParam("page") String page, @QueryParam("size") String size) {
        AuditQuery q = new AuditQuery();
        q.from = Checks.date("from", from);
        q.to = Checks.date("to", to);
        q.storeId = QueryParams.longValue("storeId", storeId);
        q.actor = actor;
        q.action = action;
        q.entityType = entityType;
        q.page = QueryParams.intValue("page", page, 1);
        q.size = QueryParams.intValue("size", size, 20);
        return audit.search(q);
    }

    /** The filters every report has, as query parameters. */
    public static class Filters {
        @Parameter(required = true, description = "First business day, yyyy-MM-dd", schema = @Schema(type = "string", format = "date"))
        @QueryParam("from")
        public String from;
        @Parameter(required = true, description = "Last business day, yyyy-MM-dd (at most 3,660 days after the first)",
                schema = @Schema(type = "string", format = "date"))
        @QueryParam("to")
        public String to;
        @Parameter(description = "One store (a store's operators: one of theirs; none: every store they see)",
                schema = @Schema(type = "integer", format = "int64"))
        @QueryParam("storeId")
        public String storeId;
        @Parameter(description = "One business format's stores")
        @QueryParam("formatCode")
        public String formatCode;
    }

    @GET
    @Path("payment-methods")
    public PaymentMethodReport paymentMethods(@BeanParam Filters filters) {
        return reports.paymentMethods(query(filters, null, null, null, null));
    }

    @GET
    @Path("recharges")
    public RechargeReport recharges(@BeanParam Filters filters,
                                    @Parameter(schema = @Schema(implementation = PaymentMethod.class)) @QueryParam("method") String method) {
        return reports.recharges(query(filters, method, null, null, null));
    }

    @GET
    @Path("stored-value")
    public StoredValueReport storedValue(@BeanParam Filters filters,
                                         @Parameter(schema = @Schema(implementation = PaymentMethod.class)) @QueryParam("method") String method) {
        return reports.storedValue(query(filters, method, null, null, null));
    }

    @GET
    @Path("overview")
    public OverviewReport overview(@BeanParam Filters filters) {
        return reports.overview(query(filters, null, null, null, null));
    }

    @GET
    @Path("points")
    public PointsReport points(@BeanParam Filters filters) {
        return reports.points(query(filters, null, null, null, null));
    }

    @GET
    @Path("coupons")
    public CouponReport coupons(@BeanParam Filters filters) {
        return reports.coupons(query(filters, null, null, null, null));
    }

    @GET
    @Path("recharges/records")
    public Page<RechargeRecord> rechargeRecords(@BeanParam Filters filters,
                                                @Parameter(schema = @Schema(implementation = PaymentMethod.class)) @QueryParam("method") String method,
                                                @Parameter(description = "An order no or recharge slip no") @QueryParam("orderNo") String orderNo,
                                                @QueryParam("page") String page, @QueryParam("size") String size) {
        return reports.rechargeRecords(query(filters, method, orderNo, page, size));
    }

    /** 申请下载: a report or every record it selects, as a CSV or XLSX file written by a job. */
    @POST
    @Path("exports")
    @ApiResponse(responseCode = "202", description = "Export started: poll the job (Location), then download its result (resultUrl)",
            content = @Content(schema = @Schema(implementation = Job.class)))
    public Response export(@Parameter(required = true, schema = @Schema(implementation = ReportKind.class)) @QueryParam("report") String report,
                           @Parameter(schema = @Schema(allowableValues = {"csv", "xlsx"})) @QueryParam("format") String format,
                           @BeanParam Filters filters,
                           @Parameter(schema = @Schema(implementation = PaymentMethod.class)) @QueryParam("method") String method,
                           @Parameter(description = "Recharge records: an order no or recharge slip no") @QueryParam("orderNo") String orderNo,
                           @Parameter(description = "Operation records: who (e.g. operator:E10301)") @QueryParam("actor") String actor,
                           @Parameter(description = "Operation records: an action or its beginning (e.g. wallets.)") @QueryParam("action") String action) {
        ReportKind kind = io.tessera.platform.api.Checks.oneOf("report", ReportKind.class, report);
        ReportQuery q = query(filters, method, orderNo, null, null);
        q.actor = Checks.optionalText("actor", actor, 100);
        q.action = Checks.optionalText("action", action, 100);
        Job job = exports.export(kind, q, format);
        return Response.accepted(job).location(URI.create(Endpoints.REST_BASE + "/jobs/" + job.id)).build();
    }

    /** 我的下载: the caller's own exports, newest first, each downloadable until its result expires. */
    @GET
    @Path("exports")
    public Page<Job> myExports(@QueryParam("page") String page, @QueryParam("size") String size) {
        return exports.mine(QueryParams.intValue("page", page, 1), QueryParams.intValue("size", size, 20));
    }

    @GET
    @Path("read-model")
    public ReadModelStatus readModel() {
        return model.status();
    }

    @POST
    @Path("read-model/rebuild")
    @ApiResponse(responseCode = "202", description = "Rebuild started: poll the job (Location)", content = @Content(schema = @Schema(implementation = Job.class)))
    public Response rebuild() {
        Job job = model.rebuild();
        return Response.accepted(job).location(URI.create(Endpoints.REST_BASE + "/jobs/" + job.id)).build();
    }

    private static ReportQuery query(Filters f, String method, String orderNo, String page, String size) {
        ReportQuery q = new ReportQuery();
        q.from = Checks.date("from", f.from);
        q.to = Checks.date("to", f.to);
        q.storeId = QueryParams.longValue("storeId", f.storeId);
        q.formatCode = Checks.optionalText("formatCode", f.formatCode, 20);
        q.method = QueryParams.enumValue("method", PaymentMethod.class, method);
        q.orderNo = Checks.optionalText("orderNo", orderNo, 64);
        q.page = QueryParams.intValue("page", page, 1);
        q.size = QueryParams.intValue("size", size, 20);
        return q;
    }
}
