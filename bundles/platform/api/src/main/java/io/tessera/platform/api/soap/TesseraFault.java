package io.tessera.platform.api.soap;

import javax.xml.ws.WebFault;

/**
 * Declared by every SOAP operation ({@code throws TesseraFault}) so that the WSDL lists the fault and
 * its detail type ({@link ErrorDetail}) and typed clients can read the code and field. Operations
 * never throw it themselves: the platform turns every refusal into this fault.
 */
@WebFault(name = "error", targetNamespace = "urn:tessera:error")
public class TesseraFault extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorDetail faultInfo;

    public TesseraFault(String message, ErrorDetail faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public ErrorDetail getFaultInfo() {
        return faultInfo;
    }
}
