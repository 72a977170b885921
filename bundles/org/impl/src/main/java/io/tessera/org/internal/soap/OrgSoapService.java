package io.tessera.org.internal.soap;

import io.tessera.platform.api.soap.TesseraFault;
import io.tessera.org.api.BusinessFormat;
import io.tessera.org.api.Operator;
import io.tessera.org.api.OperatorRequest;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.org.api.StoreRequest;
import io.tessera.platform.api.web.Endpoints;
import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Formats, stores and operators over SOAP: the same service, the same rules as REST. */
@WebService(serviceName = "OrgService", portName = "OrgPort", targetNamespace = "urn:tessera:org")
@Component(service = OrgSoapService.class, property = Endpoints.SOAP_ADDRESS + "=/org")
public class OrgSoapService {

    private final OrgService org;

    @Activate
    public OrgSoapService(@Reference OrgService org) {
        this.org = org;
    }

    @WebMethod
    @WebResult(name = "format")
    public List<BusinessFormat> listFormats() throws TesseraFault {
        return org.listFormats();
    }

    @WebMethod
    @WebResult(name = "format")
    public BusinessFormat createFormat(@WebParam(name = "format") BusinessFormat format) throws TesseraFault {
        return org.createFormat(format);
    }

    @WebMethod
    @WebResult(name = "store")
    public List<Store> listStores(@WebParam(name = "formatCode") String formatCode) throws TesseraFault {
        return org.listStores(formatCode);
    }

    @WebMethod
    @WebResult(name = "store")
    public Store getStore(@WebParam(name = "storeId") long storeId) throws TesseraFault {
        return org.getStore(storeId);
    }

    @WebMethod
    @WebResult(name = "store")
    public Store createStore(@WebParam(name = "store") StoreRequest store) throws TesseraFault {
        return org.createStore(store);
    }

    @WebMethod
    @WebResult(name = "store")
    public Store updateStore(@WebParam(name = "storeId") long storeId, @WebParam(name = "store") StoreRequest store) throws TesseraFault {
        return org.updateStore(storeId, store);
    }

    @WebMethod
    @WebResult(name = "operators")
    public OperatorList listOperators(@WebParam(name = "storeId") Long storeId, @WebParam(name = "page") Integer page,
                                      @WebParam(name = "size") Integer size) throws TesseraFault {
        return OperatorList.of(org.listOperators(storeId, page == null ? 1 : page, size == null ? 20 : size));
    }

    @WebMethod
    @WebResult(name = "operator")
    public Operator getOperator(@WebParam(name = "operatorId") long operatorId) throws TesseraFault {
        return org.getOperator(operatorId);
    }

    @WebMethod
    @WebResult(name = "operator")
    public Operator createOperator(@WebParam(name = "operator") OperatorRequest operator) throws TesseraFault {
        return org.createOperator(operator);
    }

    @WebMethod
    @WebResult(name = "operator")
    public Operator updateOperator(@WebParam(name = "operatorId") long operatorId, @WebParam(name = "operator") OperatorRequest operator) throws TesseraFault {
        return org.updateOperator(operatorId, operator);
    }
}
