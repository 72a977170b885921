package io.tessera.coupons.internal.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tessera.coupons.api.ClaimRecord;
import io.tessera.coupons.api.CouponKind;
import io.tessera.coupons.api.CouponRecordService;
import io.tessera.coupons.api.RecordQuery;
import io.tessera.coupons.api.RedemptionRecord;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
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

/** The back office's coupon records: claims (领取记录) and redemptions (核销记录), filtered and paged; redemptions exported as a job. */
@Component(service = RecordsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/coupons/records")
@Produces(MediaType.APPLICATION_JSON)
public class RecordsResource {

    private final CouponRecordService records;

    @Activate
    public RecordsResource(@Reference CouponRecordService records) {
        this.records = records;
    }

    /** The filters the records share, as query parameters. */
    public static class Filters {
        @QueryParam("templateName")
        public String templateName;
        @QueryParam("templateId")
        public String templateId;
        @QueryParam("couponNo")
        public String couponNo;
        @QueryParam("storeId")
        public String storeId;
        @QueryParam("memberId")
        public String memberId;
        @Parameter(schema = @Schema(implementation = CouponKind.class))
        @QueryParam("kind")
        public String kind;
        @Parameter(description = "First day, yyyy-MM-dd")
        @QueryParam("from")
        public String from;
        @Parameter(description = "Last day, yyyy-MM-dd")
        @QueryParam("to")
        public String to;
    }

    /** What only redemptions are filtered by. */
    public static class RedemptionFilters extends Filters {
        @Parameter(schema = @Schema(allowableValues = {"MEMBER", "WECHAT", "ALIPAY", "CASH", "POS_CARD", "NONE"}))
        @QueryParam("payMethod")
        public String payMethod;
        @Parameter(schema = @Schema(allowableValues = {"POS", "PAYMENT_CODE", "MINI_PROGRAM", "TERMINAL"}))
        @QueryParam("source")
        public String source;
    }

    @GET
    @Path("claims")
    public Page<ClaimRecord> claims(@BeanParam Filters filters, @QueryParam("page") String page, @QueryParam("size") String size) {
        return records.claims(query(filters, null, null, page, size));
    }

    @GET
    @Path("redemptions")
    public Page<RedemptionRecord> redemptions(@BeanParam RedemptionFilters filters, @QueryParam("page") String page,
                                              @QueryParam("size") String size) {
        return records.redemptions(query(filters, filters.payMethod, filters.source, page, size));
    }

    @POST
    @Path("redemptions/export")
    @ApiResponse(responseCode = "202", description = "Export started: poll the job (Location), then download its result", content = @Content(schema = @Schema(implementation = Job.class)))
    public Response export(@Parameter(schema = @Schema(allowableValues = {"csv", "xlsx"})) @QueryParam("format") String format,
                           @BeanParam RedemptionFilters filters) {
        Job job = records.exportRedemptions(query(filters, filters.payMethod, filters.source, null, null), format);
        return Response.accepted(job).location(URI.create(Endpoints.REST_BASE + "/jobs/" + job.id)).build();
    }

    private static RecordQuery query(Filters f, String payMethod, String source, String page, String size) {
        RecordQuery q = new RecordQuery();
        q.templateName = Checks.optionalText("templateName", f.templateName, 100);
        q.templateId = QueryParams.longValue("templateId", f.templateId);
        q.couponNo = Checks.optionalText("couponNo", f.couponNo, 18);
        q.storeId = QueryParams.longValue("storeId", f.storeId);
        q.memberId = QueryParams.longValue("memberId", f.memberId);
        q.kind = QueryParams.enumValue("kind", CouponKind.class, f.kind);
        PayMethod method = QueryParams.enumValue("payMethod", PayMethod.class, payMethod);
        Source from = QueryParams.enumValue("source", Source.class, source);
        q.payMethod = method == null ? null : method.name();
        q.source = from == null ? null : from.name();
        q.from = Checks.date("from", f.from);
        q.to = Checks.date("to", f.to);
        q.page = QueryParams.intValue("page", page, 1);
        q.size = QueryParams.intValue("size", size, 20);
        return q;
    }

    /** The methods a redemption record can name. */
    enum PayMethod { MEMBER, WECHAT, ALIPAY, CASH, POS_CARD, NONE }

    /** Where an order comes from. */
    enum Source { POS, PAYMENT_CODE, MINI_PROGRAM, TERMINAL }
}
