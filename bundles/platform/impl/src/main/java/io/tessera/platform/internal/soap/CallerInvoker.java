package io.tessera.platform.internal.soap;

import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.web.ClientAddress;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;
import org.apache.cxf.jaxws.JAXWSMethodInvoker;
import org.apache.cxf.message.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a SOAP operation as the caller the {@link SoapAuthInterceptor} authenticated, and turns
 * its errors into faults with stable codes (never a stack trace).
 */
public class CallerInvoker extends JAXWSMethodInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(CallerInvoker.class);

    public CallerInvoker(Object bean) {
        super(bean);
    }

    @Override
    public Object invoke(Exchange exchange, Object o) {
        Caller caller = exchange.get(Caller.class);
        Object http = exchange.getInMessage() == null ? null : exchange.getInMessage().get("HTTP.REQUEST");
        ClientAddress.set(http instanceof HttpServletRequest ? ((HttpServletRequest) http).getRemoteAddr() : null);
        try {
            return caller == null ? super.invoke(exchange, o) : CallerContext.callAs(caller, () -> super.invoke(exchange, o));
        } catch (RuntimeException e) {
            TesseraException te = find(e);
            if (te != null) {
                throw SoapFaults.toFault(te);
            }
            String ref = UUID.randomUUID().toString();
            LOG.error("Unexpected SOAP error, reference {}", ref, e);
            throw SoapFaults.toFault(PlatformErrors.INTERNAL_ERROR.error("internal error; reference " + ref));
        } finally {
            ClientAddress.clear();
        }
    }

    private static TesseraException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TesseraException) {
                return (TesseraException) c;
            }
        }
        return null;
    }

}
