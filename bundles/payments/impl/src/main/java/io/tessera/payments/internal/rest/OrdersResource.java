package io.tessera.payments.internal.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tessera.payments.api.CheckoutService;
import io.tessera.payments.api.Order;
import io.tessera.payments.api.OrderKind;
import io.tessera.payments.api.OrderQuery;
import io.tessera.payments.api.OrderQueryService;
import io.tessera.payments.api.OrderState;
import io.tessera.payments.api.Refund;
import io.tessera.payments.api.Requests;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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

/** Orders: create (priced), pay, close, refund (each with an Idempotency-Key), read and list. */
@Component(service = OrdersResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrdersResource {

    private static final String KEY = "The caller's key for this operation: a retry with the same key and body answers the first result and moves nothing again";

    private final CheckoutService checkout;
    private final OrderQueryService queries;

    @Activate
    public OrdersResource(@Reference CheckoutService checkout, @Reference OrderQueryService queries) {
        this.checkout = checkout;
        this.queries = queries;
    }

    @POST
    @ApiResponse(responseCode = "201", description = "Created and priced (or the same order again, for a POS retry of the same content)", content = @Content(schema = @Schema(implementation = Order.class)))
    public Response create(Requests.CreateOrder request, @Parameter(required = true, description = KEY) @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        return Response.status(201).entity(checkout.create(request, key)).build();
    }

    @GET
    public Page<Order> list(@QueryParam("storeId") String storeId, @QueryParam("memberId") String memberId,
                            @Parameter(schema = @Schema(implementation = OrderState.class)) @QueryParam("state") String state,
                            @Parameter(schema = @Schema(implementation = OrderKind.class)) @QueryParam("kind") String kind,
                            @QueryParam("posOrderNo") String posOrderNo, @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("page") String page, @QueryParam("size") String size) {
        OrderQuery q = new OrderQuery();
        q.storeId = QueryParams.longValue("storeId", storeId);
        q.memberId = QueryParams.longValue("memberId", memberId);
        q.state = QueryParams.enumValue("state", OrderState.class, state);
        q.kind = QueryParams.enumValue("kind", OrderKind.class, kind);
        q.posOrderNo = posOrderNo;
        q.from = Checks.date("from", from);
        q.to = Checks.date("to", to);
        q.page = QueryParams.intValue("page", page, 1);
        q.size = QueryParams.intValue("size", size, 20);
        return queries.list(q);
    }

    @GET
    @Path("{orderNo}")
    public Order get(@PathParam("orderNo") String orderNo) {
        return queries.get(orderNo);
    }

    @POST
    @Path("{orderNo}/payments")
    @ApiResponse(responseCode = "201", description = "Paid: the order with its tenders", content = @Content(schema = @Schema(implementation = Order.class)))
    @ApiResponse(responseCode = "202", description = "A channel is deciding (its tender PENDING: a QR code to show (codeUrl) or the customer "
            + "confirming on the phone; or UNKNOWN: the channel did not answer and is asked again). Read the order until it is PAID, "
            + "or its tender FAILED (its stored-value hold released, the order payable again)", content = @Content(schema = @Schema(implementation = Order.class)))
    public Response pay(@PathParam("orderNo") String orderNo, Requests.Pay request,
                        @Parameter(required = true, description = KEY) @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        Order order = checkout.pay(orderNo, request, key);
        return Response.status(order.state == OrderState.CREATED ? 202 : 201).entity(order).build();
    }

    @POST
    @Path("{orderNo}/close")
    @ApiResponse(responseCode = "200", description = "Closed unpaid (or already closed)", content = @Content(schema = @Schema(implementation = Order.class)))
    public Order close(@PathParam("orderNo") String orderNo, Requests.Close request,
                       @Parameter(required = true, description = KEY) @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        return checkout.close(orderNo, request, key);
    }

    @POST
    @Path("{orderNo}/refunds")
    @ApiResponse(responseCode = "201", description = "Refunded: what went back, line by line and tender by tender", content = @Content(schema = @Schema(implementation = Refund.class)))
    @ApiResponse(responseCode = "202", description = "Recorded; a channel part is PROCESSING until the channel confirms it (its "
            + "notification or Tessera's query): read the refund", content = @Content(schema = @Schema(implementation = Refund.class)))
    public Response refund(@PathParam("orderNo") String orderNo, Requests.Refund request,
                           @Parameter(required = true, description = KEY) @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        Refund refund = checkout.refund(orderNo, request, key);
        return Response.status(refund.state == Refund.State.PROCESSING ? 202 : 201).entity(refund).build();
    }

    @GET
    @Path("{orderNo}/refunds")
    public List<Refund> refunds(@PathParam("orderNo") String orderNo) {
        return queries.refunds(orderNo);
    }

    @GET
    @Path("{orderNo}/refunds/{refundNo}")
    public Refund refundOf(@PathParam("orderNo") String orderNo, @PathParam("refundNo") String refundNo) {
        Refund r = queries.refund(refundNo);
        if (!r.orderNo.equals(orderNo)) {
            throw io.tessera.payments.api.PaymentErrors.REFUND_NOT_FOUND.at("refundNo", "order " + orderNo + " has no refund " + refundNo);
        }
        return r;
    }
}
