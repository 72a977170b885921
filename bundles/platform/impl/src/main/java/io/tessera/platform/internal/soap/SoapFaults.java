package io.tessera.platform.internal.soap;

import io.tessera.platform.api.TesseraException;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.cxf.interceptor.Fault;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A {@link TesseraException} as a SOAP fault: faultcode Client (caller's mistake) or Server, the
 * human message as faultstring, and a detail element {@code <tessera:error>} with the stable code,
 * the message and the field at fault.
 */
public final class SoapFaults {

    public static final String NS = "urn:tessera:error";

    private SoapFaults() {
    }

    public static Fault toFault(TesseraException e) {
        QName faultCode = new QName("http://schemas.xmlsoap.org/soap/envelope/", e.getStatus() >= 500 ? "Server" : "Client");
        Fault fault = new Fault(e);
        fault.setFaultCode(faultCode);
        fault.setMessage(e.getMessage());
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().newDocument();
            Element detail = doc.createElementNS(null, "detail");
            Element error = doc.createElementNS(NS, "tessera:error");
            add(doc, error, "code", e.getCode());
            add(doc, error, "message", e.getMessage());
            add(doc, error, "field", e.getField());
            add(doc, error, "status", String.valueOf(e.getStatus()));
            detail.appendChild(error);
            fault.setDetail(detail);
        } catch (ParserConfigurationException ex) {
            throw new IllegalStateException(ex);
        }
        return fault;
    }

    private static void add(Document doc, Element parent, String name, String value) {
        if (value != null) {
            Element el = doc.createElementNS(NS, "tessera:" + name);
            el.setTextContent(value);
            parent.appendChild(el);
        }
    }
}
