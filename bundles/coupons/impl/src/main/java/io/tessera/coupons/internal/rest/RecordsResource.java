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

    @GET
    @Path("claims")
    public Page<ClaimRecord> claims(@QueryParam("templateName") String templateName, @QueryParam("templateId") String templateId,
                                    @QueryParam("couponNo") String couponNo, @QueryParam("storeId") String storeId,
                                    @QueryParam("memberId") String memberId,
                                    @Parameter(schema = @Schema(implementation = CouponKind.class)) @QueryParam("kind") String kind,
                                    @Parameter(description = "First day, yyyy-MM-dd") @QueryParam("from") String from,
                                    @Parameter(description = "Last day, yyyy-MM-dd") @QueryParam("to") String to,
                                    @QueryParam("page") String page, @QueryParam("size") String size) {
        return records.claims(query(templateName, templateId, couponNo, storeId, memberId, kind, null, null, from, to, page, size));
    }

    @GET
    @Path("redemptions")
    public Page<RedemptionRecord> redemptions(@QueryParam("templateName") String templateName, @QueryParam("templateId") String templateId,
                                              @QueryParam("couponNo") String couponNo, @QueryParam("storeId") String storeId,
                                              @QueryParam("memberId") String memberId,
                                              @Parameter(schema = @Schema(implementation = CouponKind.class)) @QueryParam("kind") String kind,
                                              @Parameter(schema = @Schema(allowableValues = {"MEMBER", "WECHAT", "ALIPAY", "CASH", "POS_CARD", "NONE"}))
                                              @QueryParam("payMethod") String payMethod,
                                              @Parameter(schema = @Schema(allowableValues = {"POS", "PAYMENT_CODE", "MINI_PROGRAM", "TERMINAL"}))
                                              @QueryParam("source") String source,
                                              @Parameter(description = "First day, yyyy-MM-dd") @QueryParam("from") String from,
                                              @Parameter(description = "Last day, yyyy-MM-dd") @QueryParam("to") String to,
                                              @QueryParam("page") String page, @QueryParam("size") String size) {
        return records.redemptions(query(templateName, templateId, couponNo, storeId, memberId, kind, payMethod, source, from, to, page, size));
    }

    @POST
    @Path("redemptions/export")
    @ApiResponse(responseCode = "202", description = "Export started: poll the job (Location), then download its result", content = @Content(schema = @Schema(implementation = Job.class)))
    public Response export(@Parameter(schema = @Schema(allowableValues = {"csv", "xlsx"})) @QueryParam("format") String format,
                           @QueryParam("templateName") String templateName, @QueryParam("templateId") String templateId,
                           @QueryParam("couponNo") String couponNo, @QueryParam("storeId") String storeId,
                           @QueryParam("memberId") String memberId,
                           @Parameter(schema = @Schema(implementation = CouponKind.class)) @QueryParam("kind") String kind,
                           @Parameter(schema = @Schema(allowableValues = {"MEMBER", "WECHAT", "ALIPAY", "CASH", "POS_CARD", "NONE"}))
                           @QueryParam("payMethod") String payMethod,
                           @Parameter(schema = @Schema(allowableValues = {"POS", "PAYMENT_CODE", "MINI_PROGRAM", "TERMINAL"}))
                           @QueryParam("source") String source,
                           @Parameter(description = "First day, yyyy-MM-dd") @QueryParam("from") String from,
                           @Parameter(description = "Last day, yyyy-MM-dd") @QueryParam("to") String to) {
        Job job = records.exportRedemptions(query(templateName, templateId, couponNo, storeId, memberId, kind, payMethod, source, from, to,
                null, null), format);
        return Response.accepted(job).location(URI.create(Endpoints.REST_BASE + "/jobs/" + job.id)).build();
    }

    private static RecordQuery query(String templateName, String templateId, String couponNo, String storeId, String memberId, String kind,
                                     String payMethod, String source, String from, String to, String page, String size) {
        RecordQuery q = new RecordQuery();
        q.templateName = Checks.optionalText("templateName", templateName, 100);
        q.templateId = QueryParams.longValue("templateId", templateId);
        q.couponNo = Checks.optionalText("couponNo", couponNo, 18);
        q.storeId = QueryParams.longValue("storeId", storeId);
        q.memberId = QueryParams.longValue("memberId", memberId);
        q.kind = QueryParams.enumValue("kind", CouponKind.class, kind);
        q.payMethod = payMethod == null ? null : QueryParams.enumValue("payMethod", PayMethod.class, payMethod).name();
        q.source = source == null ? null : QueryParams.enumValue("source", Source.class, source).name();
        q.from = Checks.date("from", from);
        q.to = Checks.date("to", to);
        q.page = QueryParams.intValue("page", page, 1);
        q.size = QueryParams.intValue("size", size, 20);
        return q;
    }

    /** The methods a redemption record can name. */
    enum PayMethod { MEMBER, WECHAT, ALIPAY, CASH, POS_CARD, NONE }

    /** Where an order comes from. */
    enum Source { POS, PAYMENT_CODE, MINI_PROGRAM, TERMINAL }
}
