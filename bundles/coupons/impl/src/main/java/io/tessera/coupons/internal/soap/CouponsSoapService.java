package io.tessera.coupons.internal.soap;

import io.tessera.coupons.api.ClaimRecord;
import io.tessera.coupons.api.Coupon;
import io.tessera.coupons.api.CouponQuery;
import io.tessera.coupons.api.CouponQueryService;
import io.tessera.coupons.api.CouponRecordService;
import io.tessera.coupons.api.CouponService;
import io.tessera.coupons.api.CouponTemplate;
import io.tessera.coupons.api.CouponTemplateService;
import io.tessera.coupons.api.MonthlyStat;
import io.tessera.coupons.api.RecordQuery;
import io.tessera.coupons.api.RedemptionRecord;
import io.tessera.coupons.api.Requests;
import io.tessera.coupons.api.SendResult;
import io.tessera.coupons.api.TemplateQuery;
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

/** Coupons over SOAP. Claiming, sending, gifting and voiding take a {@code requestId}: their idempotency key. */
@WebService(serviceName = "CouponService", portName = "CouponPort", targetNamespace = "urn:tessera:coupons")
@Component(service = CouponsSoapService.class, property = Endpoints.SOAP_ADDRESS + "=/coupons")
public class CouponsSoapService {

    private final CouponService coupons;
    private final CouponQueryService queries;
    private final CouponTemplateService templates;
    private final CouponRecordService records;

    @Activate
    public CouponsSoapService(@Reference CouponService coupons, @Reference CouponQueryService queries,
                              @Reference CouponTemplateService templates, @Reference CouponRecordService records) {
        this.coupons = coupons;
        this.queries = queries;
        this.templates = templates;
        this.records = records;
    }

    /** A page of coupons as SOAP carries it. */
    @XmlType(propOrder = {"coupon", "page", "size", "total"})
    public static class CouponList extends SoapPage {
        public List<Coupon> coupon;
    }

    /** A page of templates as SOAP carries it. */
    @XmlType(propOrder = {"template", "page", "size", "total"})
    public static class TemplateList extends SoapPage {
        public List<CouponTemplate> template;
    }

    /** A page of redemption records as SOAP carries it. */
    @XmlType(propOrder = {"redemption", "page", "size", "total"})
    public static class RedemptionList extends SoapPage {
        public List<RedemptionRecord> redemption;
    }

    /** A page of claim records as SOAP carries it. */
    @XmlType(propOrder = {"claim", "page", "size", "total"})
    public static class ClaimList extends SoapPage {
        public List<ClaimRecord> claim;
    }

    @WebMethod
    @WebResult(name = "coupon")
    public Coupon claimCoupon(@WebParam(name = "claim") Requests.Claim claim, @WebParam(name = "requestId") String requestId) throws TesseraFault {
        return coupons.claim(claim, requestId);
    }

    @WebMethod
    @WebResult(name = "result")
    public SendResult sendCoupons(@WebParam(name = "send") Requests.Send send, @WebParam(name = "requestId") String requestId) throws TesseraFault {
        return coupons.send(send, requestId);
    }

    @WebMethod
    @WebResult(name = "coupon")
    public Coupon giftCoupon(@WebParam(name = "couponNo") String couponNo, @WebParam(name = "gift") Requests.Gift gift,
                             @WebParam(name = "requestId") String requestId) throws TesseraFault {
        return coupons.gift(couponNo, gift, requestId);
    }

    @WebMethod
    @WebResult(name = "coupon")
    public Coupon voidCoupon(@WebParam(name = "couponNo") String couponNo, @WebParam(name = "void") Requests.Void reason,
                             @WebParam(name = "requestId") String requestId) throws TesseraFault {
        return coupons.voidCoupon(couponNo, reason, requestId);
    }

    @WebMethod
    @WebResult(name = "coupon")
    public Coupon getCoupon(@WebParam(name = "couponNo") String couponNo) throws TesseraFault {
        return queries.get(couponNo);
    }

    @WebMethod
    @WebResult(name = "coupons")
    public CouponList listCoupons(@WebParam(name = "query") CouponQuery query) throws TesseraFault {
        CouponList l = new CouponList();
        l.coupon = l.from(queries.list(query == null ? new CouponQuery() : query));
        return l;
    }

    @WebMethod
    @WebResult(name = "template")
    public CouponTemplate getTemplate(@WebParam(name = "templateId") long templateId) throws TesseraFault {
        return templates.get(templateId);
    }

    @WebMethod
    @WebResult(name = "templates")
    public TemplateList listTemplates(@WebParam(name = "query") TemplateQuery query) throws TesseraFault {
        TemplateList l = new TemplateList();
        l.template = l.from(templates.list(query == null ? new TemplateQuery() : query));
        return l;
    }

    @WebMethod
    @WebResult(name = "redemptions")
    public RedemptionList listRedemptions(@WebParam(name = "query") RecordQuery query) throws TesseraFault {
        RedemptionList l = new RedemptionList();
        l.redemption = l.from(records.redemptions(query == null ? new RecordQuery() : query));
        return l;
    }

    @WebMethod
    @WebResult(name = "claims")
    public ClaimList listClaims(@WebParam(name = "query") RecordQuery query) throws TesseraFault {
        ClaimList l = new ClaimList();
        l.claim = l.from(records.claims(query == null ? new RecordQuery() : query));
        return l;
    }

    @WebMethod
    @WebResult(name = "month")
    public List<MonthlyStat> monthlyStats(@WebParam(name = "from") String from, @WebParam(name = "to") String to,
                                          @WebParam(name = "templateId") Long templateId, @WebParam(name = "storeId") Long storeId,
                                          @WebParam(name = "perTemplate") boolean perTemplate) throws TesseraFault {
        return records.stats(from, to, templateId, storeId, perTemplate);
    }
}
