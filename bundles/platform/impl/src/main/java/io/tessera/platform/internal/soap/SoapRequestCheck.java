package io.tessera.platform.internal.soap;

import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.TesseraException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Reads a SOAP request whole before any operation can run, and refuses it unless it is a SOAP
 * envelope with a body, well-formed to its last byte, without a DTD, sent as XML and no larger
 * than the limit. CXF otherwise streams the body: an operation would run before the parser reached
 * a broken end. The bytes stay on the message ({@link #BODY}) for the fault that names a field.
 */
public class SoapRequestCheck extends AbstractPhaseInterceptor<Message> {

    /** The request's bytes, kept on the exchange. */
    public static final String BODY = "tessera.soap.body";
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

    /** The one XML reader settings for requests: no DTD, no external entities (also for ClientFaults). */
    static final XMLInputFactory FACTORY = factory();

    private final LongSupplier limit;

    public SoapRequestCheck(LongSupplier limit) {
        super(Phase.RECEIVE);
        addAfter(SoapAuthInterceptor.class.getName());
        this.limit = limit;
    }

    @Override
    public void handleMessage(Message message) {
        if ("GET".equals(message.get(Message.HTTP_REQUEST_METHOD))) {
            return;
        }
        InputStream in = message.getContent(InputStream.class);
        if (in == null) {
            return;
        }
        checkContentType((String) message.get(Message.CONTENT_TYPE));
        byte[] body = read(in, limit.getAsLong());
        checkDocument(body);
        message.setContent(InputStream.class, new ByteArrayInputStream(body));
        message.getExchange().put(BODY, body);
    }

    static void checkContentType(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (!type.startsWith("text/xml") && !type.startsWith("application/soap+xml")) {
            throw fault(PlatformErrors.UNSUPPORTED_MEDIA_TYPE.at("Content-Type",
                    "a SOAP request is sent as text/xml (SOAP 1.1) or application/soap+xml (SOAP 1.2)"), 415);
        }
    }

    static byte[] read(InputStream in, long limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > limit) {
                    throw fault(PlatformErrors.BODY_TOO_LARGE.error("the request body is larger than " + limit + " bytes"), 413);
                }
            }
        } catch (IOException e) {
            throw fault(PlatformErrors.XML_MALFORMED.error("the request body could not be read"), 500);
        }
        return out.toByteArray();
    }

    /** A SOAP envelope with a Body, well-formed to the end, one root, no DTD. */
    static void checkDocument(byte[] body) {
        boolean envelope = false;
        boolean hasBody = false;
        int depth = 0;
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw malformed("a document type declaration (DTD) is not allowed");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        String ns = r.getNamespaceURI();
                        boolean soapNs = SOAP11.equals(ns) || SOAP12.equals(ns);
                        if (depth == 1) {
                            envelope = soapNs && "Envelope".equals(r.getLocalName());
                            if (!envelope) {
                                throw malformed("the document is not a SOAP envelope");
                            }
                        } else if (depth == 2 && soapNs && "Body".equals(r.getLocalName())) {
                            hasBody = true;
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof Fault) {
                throw (Fault) e;
            }
            throw malformed("the request is not well-formed XML"
                    + (e instanceof XMLStreamException && ((XMLStreamException) e).getLocation() != null
                    ? " (line " + ((XMLStreamException) e).getLocation().getLineNumber() + ", column "
                    + ((XMLStreamException) e).getLocation().getColumnNumber() + ")" : ""));
        }
        if (!envelope) {
            throw malformed("the request is empty");
        }
        if (!hasBody) {
            throw malformed("the SOAP envelope has no Body");
        }
    }

    private static Fault malformed(String message) {
        return fault(PlatformErrors.XML_MALFORMED.error(message), 500);
    }

    private static Fault fault(TesseraException e, int status) {
        Fault f = SoapFaults.toFault(e);
        f.setStatusCode(status);
        return f;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        return f;
    }
}
