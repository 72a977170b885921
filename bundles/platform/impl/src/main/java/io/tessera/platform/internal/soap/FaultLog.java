package io.tessera.platform.internal.soap;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How SOAP faults are logged, instead of CXF's WARN with a stack trace for each: a refused request
 * (while the request was read or its operation ran) is one DEBUG line with the service, never its
 * message (it may name a card or a phone): a request CXF could not read becomes a Client fault
 * ({@link ClientFaults}), and unexpected errors of an operation were logged once, with their
 * reference, where they happened ({@link CallerInvoker}). Faults while answering keep CXF's log.
 */
public class FaultLog implements FaultListener {

    private static final Logger LOG = LoggerFactory.getLogger(FaultLog.class);

    @Override
    public boolean faultOccurred(Exception exception, String description, Message message) {
        if (message != message.getExchange().getInMessage()) {
            return true;
        }
        if (LOG.isDebugEnabled()) {
            String code = exception instanceof Fault ? String.valueOf(((Fault) exception).getFaultCode().getLocalPart()) : "?";
            LOG.debug("SOAP request refused ({}): {}", code, description);
        }
        return false;
    }
}
