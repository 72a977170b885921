package io.tessera.platform.internal.soap;

import io.tessera.platform.api.Caller;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.internal.auth.Authenticator;
import java.util.List;
import java.util.Map;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Authenticates every SOAP request (including WSDL reads) from its HTTP Authorization header and
 * leaves the {@link Caller} on the exchange for {@link CallerInvoker}.
 */
public class SoapAuthInterceptor extends AbstractPhaseInterceptor<Message> {

    private final Authenticator authenticator;

    public SoapAuthInterceptor(Authenticator authenticator) {
        super(Phase.RECEIVE);
        this.authenticator = authenticator;
    }

    @Override
    public void handleMessage(Message message) {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
        String authorization = null;
        if (headers != null) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if ("Authorization".equalsIgnoreCase(h.getKey()) && h.getValue() != null && !h.getValue().isEmpty()) {
                    authorization = h.getValue().get(0);
                }
            }
        }
        try {
            message.getExchange().put(Caller.class, authenticator.require(authorization));
        } catch (TesseraException e) {
            Fault fault = SoapFaults.toFault(e);
            fault.setStatusCode(401);
            throw fault;
        }
    }
}
