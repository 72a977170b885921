package io.tessera.org.internal.soap;

import io.tessera.platform.api.soap.TesseraFault;
import io.tessera.org.api.AuthService;
import io.tessera.org.api.LoginResult;
import io.tessera.platform.api.web.Endpoints;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Operator login over SOAP (the only SOAP service answered without authentication). */
@WebService(serviceName = "AuthService", portName = "AuthPort", targetNamespace = "urn:tessera:auth")
@Component(service = AuthSoapService.class,
        property = {Endpoints.SOAP_ADDRESS + "=/auth", Endpoints.SOAP_PUBLIC + "=true"})
public class AuthSoapService {

    private final AuthService auth;

    @Activate
    public AuthSoapService(@Reference AuthService auth) {
        this.auth = auth;
    }

    @WebMethod
    public void requestLoginCode(@WebParam(name = "phone") String phone) throws TesseraFault {
        auth.requestCode(phone);
    }

    @WebMethod
    @WebResult(name = "login")
    public LoginResult login(@WebParam(name = "phone") String phone, @WebParam(name = "code") String code) throws TesseraFault {
        return auth.login(phone, code);
    }

    @WebMethod
    public void logout(@WebParam(name = "token") String token) throws TesseraFault {
        auth.logout(token);
    }
}
