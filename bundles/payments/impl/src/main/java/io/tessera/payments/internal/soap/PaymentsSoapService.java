package io.tessera.payments.internal.soap;

import io.tessera.payments.api.CheckoutService;
import io.tessera.payments.api.Order;
import io.tessera.payments.api.OrderQuery;
import io.tessera.payments.api.OrderQueryService;
import io.tessera.payments.api.Refund;
import io.tessera.payments.api.Requests;
import io.tessera.platform.api.soap.SoapPage;
import io.tessera.platform.api.soap.TesseraFault;
import io.tessera.platform.api.web.Endpoints;
import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.xml.bind.annotation.XmlType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Orders over SOAP. Creating, paying, closing and refunding take a {@code requestId}: their idempotency key. */
@WebService(serviceName = "PaymentService", portName = "PaymentPort", targetNamespace = "urn:tessera:payments")
@Component(service = PaymentsSoapService.class, property = Endpoints.SOAP_ADDRESS + "=/payments")
public class PaymentsSoapService {

    private final CheckoutService checkout;
    private final OrderQueryService queries;

    @Activate
    public PaymentsSoapService(@Reference CheckoutService checkout, @Reference OrderQueryService queries) {
        this.checkout = checkout;
        this.queries = queries;
    }

    /** A page of orders as SOAP carries it. */
    @XmlType(propOrder = {"order", "page", "size", "total"})
    public static class OrderList extends SoapPage {
        public List<Order> order;
    }

    @WebMethod
    @WebResult(name = "order")
    public Order createOrder(@WebParam(name = "order") Requests.CreateOrder order, @WebParam(name = "requestId") String requestId) throws TesseraFault {
        return checkout.create(order, requestId);
    }

    @WebMethod
    @WebResult(name = "order")
    public Order payOrder(@WebParam(name = "orderNo") String orderNo, @WebParam(name = "payment") Requests.Pay payment,
                          @WebParam(name = "requestId") String requestId) throws TesseraFault {
        return checkout.pay(orderNo, payment, requestId);
    }

    @WebMethod
    @WebResult(name = "order")
    public Order closeOrder(@WebParam(name = "orderNo") String orderNo, @WebParam(name = "close") Requests.Close close,
                            @WebParam(name = "requestId") String requestId) throws TesseraFault {
        return checkout.close(orderNo, close, requestId);
    }

    @WebMethod
    @WebResult(name = "refund")
    public Refund refundOrder(@WebParam(name = "orderNo") String orderNo, @WebParam(name = "refund") Requests.Refund refund,
                              @WebParam(name = "requestId") String requestId) throws TesseraFault {
        return checkout.refund(orderNo, refund, requestId);
    }

    @WebMethod
    @WebResult(name = "order")
    public Order getOrder(@WebParam(name = "orderNo") String orderNo) throws TesseraFault {
        return queries.get(orderNo);
    }

    @WebMethod
    @WebResult(name = "orders")
    public OrderList listOrders(@WebParam(name = "query") OrderQuery query) throws TesseraFault {
        OrderList l = new OrderList();
        l.order = l.from(queries.list(query));
        return l;
    }

    @WebMethod
    @WebResult(name = "refund")
    public List<Refund> refundsOfOrder(@WebParam(name = "orderNo") String orderNo) throws TesseraFault {
        return queries.refunds(orderNo);
    }
}
