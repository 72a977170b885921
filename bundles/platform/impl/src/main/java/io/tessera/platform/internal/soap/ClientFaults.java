package io.tessera.platform.internal.soap;

import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.TesseraException;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Gives every fault Tessera's shape before it is written. A fault without Tessera's detail was
 * raised by CXF while reading the request (a value JAXB cannot read, an unknown operation): the
 * caller's mistake, so a Client fault with a stable code (AMOUNT_INVALID, FIELD_INVALID, FIELD_UNKNOWN,
 * SOAP_REQUEST_INVALID), the element at fault when it can be found, and no Java class name. The WSDL's
 * schema is enforced on the way in (SoapServer), so its messages are read here too.
 */
public class ClientFaults extends AbstractPhaseInterceptor<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(ClientFaults.class);

    private static final Pattern CLASS_PREFIX = Pattern.compile("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\s*:?\\s*");
    private static final Pattern AMOUNT = Pattern.compile("at most 2 decimal places: (\\S+)|amount out of range: (\\S+)");
    private static final Pattern UNKNOWN_ELEMENT = Pattern.compile(
            "Invalid content was found starting with element '(?:\\{[^}]*\\}:?)?([\\w.-]+)'\\.(?: One of '\\{([^}]*)\\}' is expected)?");
    private static final Pattern INVALID_VALUE = Pattern.compile("The value '([^']*)' of element '(?:[\\w-]+:)?([\\w.-]+)' is not valid");
    private static final Pattern NUMBER = Pattern.compile("For input string: \"([^\"]*)\"|Not a number: (\\S+)");

    public ClientFaults() {
        super(Phase.PRE_LOGICAL);
    }

    @Override
    public void handleMessage(Message message) {
        Exception e = message.getContent(Exception.class);
        if (!(e instanceof Fault) || hasTesseraDetail((Fault) e)) {
            return;
        }
        Fault original = (Fault) e;
        TesseraException error;
        if (message.getExchange().getOutMessage() == null) {
            error = classify(original, (byte[]) message.getExchange().get(SoapRequestCheck.BODY));
        } else {
            // The answer itself could not be written: Tessera's fault, logged once with a reference.
            String ref = UUID.randomUUID().toString();
            LOG.error("SOAP answer failed, reference {}", ref, original);
            error = PlatformErrors.INTERNAL_ERROR.error("internal error; reference " + ref);
        }
        Fault replaced = SoapFaults.toFault(error);
        replaced.setStatusCode(original.getStatusCode());
        message.setContent(Exception.class, replaced);
    }

    static TesseraException classify(Throwable fault, byte[] body) {
        for (Throwable c = fault; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TesseraException) {
                return (TesseraException) c;
            }
        }
        String text = messages(fault);
        TesseraException bad = badValue(AMOUNT.matcher(text), body, PlatformErrors.AMOUNT_INVALID, "an amount",
                " must be an amount with at most 2 decimal places");
        if (bad == null) {
            bad = badValue(NUMBER.matcher(text), body, PlatformErrors.FIELD_INVALID, "a value", " must be a whole number");
        }
        if (bad != null) {
            return bad;
        }
        Matcher unknown = UNKNOWN_ELEMENT.matcher(text);
        if (unknown.find()) {
            return PlatformErrors.FIELD_UNKNOWN.at(unknown.group(1), "unknown element " + unknown.group(1)
                    + (unknown.group(2) == null ? "" : "; expected one of " + unknown.group(2)));
        }
        Matcher invalid = INVALID_VALUE.matcher(text);
        if (invalid.find()) {
            return PlatformErrors.FIELD_INVALID.at(invalid.group(2), invalid.group(2) + " has a value of the wrong type: '"
                    + invalid.group(1) + "'");
        }
        if (text.contains("is neither a decimal digit")) {
            return PlatformErrors.FIELD_INVALID.error("a decimal value (an amount, a rate) is not a number");
        }
        String message = CLASS_PREFIX.matcher(fault.getMessage() == null ? "" : fault.getMessage()).replaceAll("")
                .replaceFirst("^Unmarshalling Error:\\s*", "").trim();
        return PlatformErrors.SOAP_REQUEST_INVALID.error(message.isEmpty() ? "the request does not match the service's WSDL" : message);
    }

    /**
     * A value JAXB could not read ({@code matcher} finds it in the error), named by the element that
     * holds it in the request; null when the error is of another kind.
     */
    private static TesseraException badValue(Matcher matcher, byte[] body, PlatformErrors code, String unnamed, String rule) {
        if (!matcher.find()) {
            return null;
        }
        String field = elementWithText(body, matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        return code.at(field, (field == null ? unnamed : field) + rule);
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            sb.append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }

    private static boolean hasTesseraDetail(Fault f) {
        Element detail = f.getDetail();
        if (detail == null) {
            return false;
        }
        for (org.w3c.dom.Node n = detail.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (SoapFaults.NS.equals(n.getNamespaceURI())) {
                return true;
            }
        }
        return false;
    }

    /** The local name of the first element whose text is {@code value}, or null. */
    static String elementWithText(byte[] body, String value) {
        if (body == null || value == null) {
            return null;
        }
        try {
            XMLStreamReader r = SoapRequestCheck.FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            String element = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    element = r.getLocalName();
                } else if (event == XMLStreamConstants.CHARACTERS && element != null && value.equals(r.getText().trim())) {
                    return element;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    element = null;
                }
            }
        } catch (XMLStreamException e) {
            return null;
        }
        return null;
    }
}
