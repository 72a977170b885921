package io.tessera.coupons.internal.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.coupons.api.CouponRecordService;
import io.tessera.coupons.api.MonthlyStat;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** 优惠券月度统计: per month claimed, redeemed, the discount given, and what refunds gave back; in all or per template. */
@Component(service = StatsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/coupons/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private static final String MONTH = "^\\d{4}-\\d{2}$";

    private final CouponRecordService records;

    @Activate
    public StatsResource(@Reference CouponRecordService records) {
        this.records = records;
    }

    @GET
    public List<MonthlyStat> stats(@Parameter(required = true, description = "First month, yyyy-MM", schema = @Schema(type = "string", pattern = MONTH, example = "2026-01"))
                                   @QueryParam("from") String from,
                                   @Parameter(required = true, description = "Last month, yyyy-MM (at most 120 months)", schema = @Schema(type = "string", pattern = MONTH,
                                           example = "2026-12")) @QueryParam("to") String to,
                                   @QueryParam("templateId") String templateId, @QueryParam("storeId") String storeId,
                                   @Parameter(description = "A row per month and template", schema = @Schema(type = "boolean")) @QueryParam("perTemplate") String perTemplate) {
        return records.stats(from, to, QueryParams.longValue("templateId", templateId), QueryParams.longValue("storeId", storeId),
                Boolean.TRUE.equals(QueryParams.booleanValue("perTemplate", perTemplate)));
    }
}
