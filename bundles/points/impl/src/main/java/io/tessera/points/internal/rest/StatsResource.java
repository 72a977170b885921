package io.tessera.points.internal.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import io.tessera.points.api.PointsMonth;
import io.tessera.points.api.PointsStatsService;
import io.tessera.points.api.TopEarner;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** 积分数据: per month issued, spent, expired, taken back... and the chain's points liability; the top earners. */
@Component(service = StatsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/points/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private static final String MONTH = "^\\d{4}-\\d{2}$";

    private final PointsStatsService stats;

    @Activate
    public StatsResource(@Reference PointsStatsService stats) {
        this.stats = stats;
    }

    @GET
    @Path("monthly")
    public List<PointsMonth> monthly(@Parameter(required = true, description = "First month, yyyy-MM", schema = @Schema(type = "string", pattern = MONTH,
                                             example = "2026-01")) @QueryParam("from") String from,
                                     @Parameter(required = true, description = "Last month, yyyy-MM (at most 120 months)", schema = @Schema(type = "string",
                                             pattern = MONTH, example = "2026-12")) @QueryParam("to") String to,
                                     @Parameter(description = "A store's movements (empty: the chain's, with its liability)") @QueryParam("storeId") String storeId) {
        return stats.monthly(from, to, QueryParams.longValue("storeId", storeId));
    }

    @GET
    @Path("top-earners")
    public List<TopEarner> topEarners(@Parameter(required = true, description = "First month, yyyy-MM", schema = @Schema(type = "string", pattern = MONTH,
                                              example = "2026-01")) @QueryParam("from") String from,
                                      @Parameter(required = true, description = "Last month, yyyy-MM", schema = @Schema(type = "string", pattern = MONTH,
                                              example = "2026-12")) @QueryParam("to") String to,
                                      @Parameter(description = "How many, 1 to 100 (default 20)", schema = @Schema(type = "integer", minimum = "1", maximum = "100"))
                                      @QueryParam("size") String size) {
        return stats.topEarners(from, to, QueryParams.intValue("size", size, 20));
    }
}
