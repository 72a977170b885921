package io.tessera.reporting.internal.soap;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.audit.AuditQueries;
import io.tessera.platform.api.audit.AuditQuery;
import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import io.tessera.platform.api.soap.SoapPage;
import io.tessera.platform.api.soap.TesseraFault;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.Checks;
import io.tessera.reporting.api.BillDifference;
import io.tessera.reporting.api.BillImport;
import io.tessera.reporting.api.BillService;
import io.tessera.reporting.api.CashierCount;
import io.tessera.reporting.api.CashierQuery;
import io.tessera.reporting.api.CashierReconciliation;
import io.tessera.reporting.api.CashierService;
import io.tessera.reporting.api.DifferenceState;
import io.tessera.reporting.api.FundsReport;
import io.tessera.reporting.api.CouponReport;
import io.tessera.reporting.api.OverviewReport;
import io.tessera.reporting.api.PaymentMethodReport;
import io.tessera.reporting.api.PointsReport;
import io.tessera.reporting.api.Resolution;
import io.tessera.reporting.api.ReadModelService;
import io.tessera.reporting.api.ReadModelStatus;
import io.tessera.reporting.api.RechargeRecord;
import io.tessera.reporting.api.RechargeReport;
import io.tessera.reporting.api.ReportQuery;
import io.tessera.reporting.api.ReportService;
import io.tessera.reporting.api.StoredValueReport;
import java.time.OffsetDateTime;
import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reports and bill reconciliation over SOAP: each report takes the {@link ReportQuery} (from and to required); pages
 * default to 1 and 20; a bill file travels as base64.
 */
@WebService(serviceName = "ReportingService", portName = "ReportingPort", targetNamespace = "urn:tessera:reporting")
@Component(service = ReportingSoapService.class, property = Endpoints.SOAP_ADDRESS + "=/reporting")
public class ReportingSoapService {

    private final ReportService reports;
    private final ReadModelService model;
    private final BillService bills;
    private final CashierService cashier;
    private final AuditQueries audit;

    @Activate
    public ReportingSoapService(@Reference ReportService reports, @Reference ReadModelService model, @Reference BillService bills,
                                @Reference CashierService cashier, @Reference AuditQueries audit) {
        this.reports = reports;
        this.model = model;
        this.bills = bills;
        this.cashier = cashier;
        this.audit = audit;
    }

    @WebMethod
    @WebResult(name = "reconciliation")
    public CashierReconciliation getCashierReconciliation(@WebParam(name = "query") CashierQuery query) throws TesseraFault {
        return cashier.reconcile(query);
    }

    @WebMethod
    @WebResult(name = "reconciliation")
    public CashierReconciliation recordCashierCount(@WebParam(name = "count") CashierCount count) throws TesseraFault {
        return cashier.count(count);
    }

    @WebMethod
    @WebResult(name = "report")
    public FundsReport getFundsReport(@WebParam(name = "from") String from, @WebParam(name = "to") String to) throws TesseraFault {
        return bills.funds(Checks.date("from", from), Checks.date("to", to));
    }

    @WebMethod
    @WebResult(name = "report")
    public PaymentMethodReport getPaymentMethodReport(@WebParam(name = "query") ReportQuery query) throws TesseraFault {
        return reports.paymentMethods(query);
    }

    @WebMethod
    @WebResult(name = "report")
    public RechargeReport getRechargeReport(@WebParam(name = "query") ReportQuery query) throws TesseraFault {
        return reports.recharges(query);
    }

    @WebMethod
    @WebResult(name = "report")
    public StoredValueReport getStoredValueReport(@WebParam(name = "query") ReportQuery query) throws TesseraFault {
        return reports.storedValue(query);
    }

    @WebMethod
    @WebResult(name = "report")
    public OverviewReport getOverviewReport(@WebParam(name = "query") ReportQuery query) throws TesseraFault {
        return reports.overview(query);
    }

    @WebMethod
    @WebResult(name = "report")
    public PointsReport getPointsReport(@WebParam(name = "query") ReportQuery query) throws TesseraFault {
        return reports.points(query);
    }

    @WebMethod
    @WebResult(name = "report")
    public CouponReport getCouponReport(@WebParam(name = "query") ReportQuery query) throws TesseraFault {
        return reports.coupons(query);
    }

    /** An audit entry (操作记录) as SOAP carries it. */
    @XmlType(name = "operationRecord")
    public static class OperationRecord {
        public long id;
        @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
        public OffsetDateTime at;
        public String actor;
        public Long storeId;
        public String action;
        public String entityType;
        public String entityId;
    }

    /** A page of operation records as SOAP carries it. */
    @XmlType(propOrder = {"operation", "page", "size", "total"})
    public static class OperationList extends SoapPage {
        public List<OperationRecord> operation;
    }

    /** 操作记录: who did what, where and when, newest first (days from and to required, at most 366; store roles: their stores). */
    @WebMethod
    @WebResult(name = "operations")
    public OperationList listOperations(@WebParam(name = "from") String from, @WebParam(name = "to") String to,
                                        @WebParam(name = "storeId") Long storeId, @WebParam(name = "actor") String actor,
                                        @WebParam(name = "action") String action, @WebParam(name = "page") Integer page,
                                        @WebParam(name = "size") Integer size) throws TesseraFault {
        AuditQuery q = new AuditQuery();
        q.from = Checks.date("from", from);
        q.to = Checks.date("to", to);
        q.storeId = storeId;
        q.actor = actor;
        q.action = action;
        q.page = page == null ? 1 : page;
        q.size = size == null ? 20 : size;
        OperationList l = new OperationList();
        l.operation = l.from(audit.search(q)).stream().map(e -> {
            OperationRecord r = new OperationRecord();
            r.id = e.getId();
            r.at = e.getAt() == null ? null : e.getAt().atZone(BusinessTime.ZONE).toOffsetDateTime();
            r.actor = e.getActor();
            r.storeId = e.getStoreId();
            r.action = e.getAction();
            r.entityType = e.getEntityType();
            r.entityId = e.getEntityId();
            return r;
        }).toList();
        return l;
    }

    /** A page of recharge records as SOAP carries it. */
    @XmlType(propOrder = {"record", "page", "size", "total"})
    public static class RechargeRecordList extends SoapPage {
        public List<RechargeRecord> record;
    }

    @WebMethod
    @WebResult(name = "records")
    public RechargeRecordList listRechargeRecords(@WebParam(name = "query") ReportQuery query) throws TesseraFault {
        RechargeRecordList l = new RechargeRecordList();
        l.record = l.from(reports.rechargeRecords(query));
        return l;
    }

    @WebMethod
    @WebResult(name = "status")
    public ReadModelStatus getReadModelStatus() throws TesseraFault {
        return model.status();
    }

    @WebMethod
    @WebResult(name = "job")
    public Job rebuildReadModel() throws TesseraFault {
        return model.rebuild();
    }

    @WebMethod
    @WebResult(name = "job")
    public Job fetchBills(@WebParam(name = "method") PaymentMethod method,
                          @WebParam(name = "day") String day) throws TesseraFault {
        return bills.fetch(method, Checks.date("day", day));
    }

    @WebMethod
    @WebResult(name = "bill")
    public BillImport uploadBill(@WebParam(name = "method") PaymentMethod method, @WebParam(name = "merchantId") String merchantId,
                                 @WebParam(name = "day") String day,
                                 @WebParam(name = "file") byte[] file) throws TesseraFault {
        return bills.upload(method, merchantId, Checks.date("day", day), file);
    }

    /** A page of bills as SOAP carries it. */
    @XmlType(propOrder = {"bill", "page", "size", "total"})
    public static class BillList extends SoapPage {
        public List<BillImport> bill;
    }

    @WebMethod
    @WebResult(name = "bills")
    public BillList listBills(@WebParam(name = "method") PaymentMethod method,
                              @WebParam(name = "from") String from,
                              @WebParam(name = "to") String to,
                              @WebParam(name = "page") Integer page, @WebParam(name = "size") Integer size) throws TesseraFault {
        BillList l = new BillList();
        l.bill = l.from(bills.bills(method, Checks.date("from", from), Checks.date("to", to), page == null ? 1 : page, size == null ? 20 : size));
        return l;
    }

    /** A page of differences as SOAP carries it. */
    @XmlType(propOrder = {"difference", "page", "size", "total"})
    public static class DifferenceList extends SoapPage {
        public List<BillDifference> difference;
    }

    @WebMethod
    @WebResult(name = "differences")
    public DifferenceList listDifferences(@WebParam(name = "billId") long billId, @WebParam(name = "state") DifferenceState state,
                                          @WebParam(name = "page") Integer page, @WebParam(name = "size") Integer size) throws TesseraFault {
        DifferenceList l = new DifferenceList();
        l.difference = l.from(bills.differences(billId, state, page == null ? 1 : page, size == null ? 20 : size));
        return l;
    }

    @WebMethod
    @WebResult(name = "difference")
    public BillDifference resolveDifference(@WebParam(name = "differenceId") long differenceId, @WebParam(name = "resolution") Resolution resolution,
                                            @WebParam(name = "reason") String reason) throws TesseraFault {
        return bills.resolve(differenceId, resolution, reason);
    }

    @WebMethod
    @WebResult(name = "bill")
    public BillImport closeBill(@WebParam(name = "billId") long billId) throws TesseraFault {
        return bills.close(billId);
    }
}
