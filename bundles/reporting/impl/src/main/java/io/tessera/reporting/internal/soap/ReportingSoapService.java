package io.tessera.reporting.internal.soap;

import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.soap.SoapPage;
import io.tessera.platform.api.soap.TesseraFault;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.reporting.api.PaymentMethodReport;
import io.tessera.reporting.api.ReadModelService;
import io.tessera.reporting.api.ReadModelStatus;
import io.tessera.reporting.api.RechargeRecord;
import io.tessera.reporting.api.RechargeReport;
import io.tessera.reporting.api.ReportQuery;
import io.tessera.reporting.api.ReportService;
import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.xml.bind.annotation.XmlType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reports over SOAP: each takes the {@link ReportQuery} (from and to required); record pages default to 1 and 20. */
@WebService(serviceName = "ReportingService", portName = "ReportingPort", targetNamespace = "urn:tessera:reporting")
@Component(service = ReportingSoapService.class, property = Endpoints.SOAP_ADDRESS + "=/reporting")
public class ReportingSoapService {

    private final ReportService reports;
    private final ReadModelService model;

    @Activate
    public ReportingSoapService(@Reference ReportService reports, @Reference ReadModelService model) {
        this.reports = reports;
        this.model = model;
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
}
