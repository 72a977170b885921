package io.tessera.reporting.internal.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import io.tessera.reporting.api.CashierCount;
import io.tessera.reporting.api.CashierOrder;
import io.tessera.reporting.api.CashierQuery;
import io.tessera.reporting.api.CashierReconciliation;
import io.tessera.reporting.api.CashierService;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** 收银员对账: a store's day per till and cashier, expected against counted, and the orders behind each method. */
@Component(service = CashierResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/reports/cashier")
@Produces(MediaType.APPLICATION_JSON)
public class CashierResource {

    private final CashierService cashier;

    @Activate
    public CashierResource(@Reference CashierService cashier) {
        this.cashier = cashier;
    }

    /** Whose takings, as query parameters. */
    public static class Whose {
        @Parameter(required = true, schema = @Schema(type = "integer", format = "int64"))
        @QueryParam("storeId")
        public String storeId;
        @Parameter(required = true, description = "Business day, yyyy-MM-dd", schema = @Schema(type = "string", format = "date"))
        @QueryParam("day")
        public String day;
        @Parameter(description = "One till, as the POS numbers it")
        @QueryParam("tillNo")
        public String tillNo;
        @Parameter(description = "One cashier, as orders name the operator (e.g. operator:E10301)")
        @QueryParam("cashier")
        public String cashier;
    }

    @GET
    public CashierReconciliation reconcile(@BeanParam Whose whose) {
        return cashier.reconcile(query(whose));
    }

    @GET
    @Path("orders")
    public Page<CashierOrder> orders(@BeanParam Whose whose,
                                     @Parameter(schema = @Schema(implementation = PaymentMethod.class)) @QueryParam("method") String method,
                                     @QueryParam("page") String page, @QueryParam("size") String size) {
        return cashier.orders(query(whose), QueryParams.enumValue("method", PaymentMethod.class, method), QueryParams.intValue("page", page, 1),
                QueryParams.intValue("size", size, 20));
    }

    /** What the till counted per method (replacing an earlier count of the same store, day, till and cashier). */
    @PUT
    @Path("counts")
    @Consumes(MediaType.APPLICATION_JSON)
    public CashierReconciliation count(CashierCount count) {
        return cashier.count(count);
    }

    private static CashierQuery query(Whose w) {
        CashierQuery q = new CashierQuery();
        q.storeId = QueryParams.longValue("storeId", w.storeId);
        q.day = Checks.date("day", w.day);
        q.tillNo = w.tillNo;
        q.cashier = w.cashier;
        return q;
    }
}
