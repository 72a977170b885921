package io.tessera.platform.internal.soap;

import io.tessera.platform.api.PlatformErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javax.servlet.http.HttpServletResponse;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.MessageObserver;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a SOAP address answers while its domain is away but coming back: 503 with {@code Retry-After} and a Server
 * fault {@code DOMAIN_UNAVAILABLE} in the envelope's version, before anything is read or run (the WSDL too). Once the
 * domain is gone for good, the address is given up ({@code gone}) and answers 404 as an address that never was.
 */
final class SoapAway implements MessageObserver {

    private static final Logger LOG = LoggerFactory.getLogger(SoapAway.class);

    private final String address;

    private final BooleanSupplier comingBack;

    private final Runnable gone;

    SoapAway(String address, BooleanSupplier comingBack, Runnable gone) {
        this.address = address;
        this.comingBack = comingBack;
        this.gone = gone;
    }

    @Override
    public void onMessage(Message message) {
        HttpServletResponse response = (HttpServletResponse) message.get(AbstractHTTPDestination.HTTP_RESPONSE);
        if (response == null) {
            return;
        }
        try {
            if (!comingBack.getAsBoolean()) {
                gone.run();
                response.setStatus(404);
                response.setContentType("text/plain; charset=UTF-8");
                response.getOutputStream().write("No service was found.".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String contentType = String.valueOf(message.get(Message.CONTENT_TYPE)).toLowerCase(Locale.ROOT);
            boolean soap12 = contentType.startsWith("application/soap+xml");
            String text = address + " is being installed or restarted: try again in a few seconds";
            String detail = "<error xmlns=\"urn:tessera:error\"><code>" + PlatformErrors.DOMAIN_UNAVAILABLE.name() + "</code><message>"
                    + text + "</message><status>503</status></error>";
            String envelope = soap12
                    ? "<env:Envelope xmlns:env=\"" + SoapRequestCheck.SOAP12 + "\"><env:Body><env:Fault><env:Code><env:Value>env:Receiver"
                            + "</env:Value></env:Code><env:Reason><env:Text xml:lang=\"en\">" + text + "</env:Text></env:Reason><env:Detail>"
                            + detail + "</env:Detail></env:Fault></env:Body></env:Envelope>"
                    : "<soap:Envelope xmlns:soap=\"" + SoapRequestCheck.SOAP11 + "\"><soap:Body><soap:Fault><faultcode>soap:Server"
                            + "</faultcode><faultstring>" + text + "</faultstring><detail>" + detail + "</detail></soap:Fault></soap:Body>"
                            + "</soap:Envelope>";
            response.setStatus(503);
            response.setHeader("Retry-After", "2");
            response.setContentType((soap12 ? "application/soap+xml" : "text/xml") + "; charset=UTF-8");
            response.getOutputStream().write(envelope.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.debug("The caller of {} went away before its answer", address, e);
        }
    }
}
