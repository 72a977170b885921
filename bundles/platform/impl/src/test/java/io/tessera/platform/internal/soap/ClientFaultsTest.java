package io.tessera.platform.internal.soap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.TesseraException;
import java.nio.charset.StandardCharsets;
import org.apache.cxf.interceptor.Fault;
import org.junit.Test;

public class ClientFaultsTest {

    private static final byte[] PAY = ("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
            + "<w:pay xmlns:w=\"urn:tessera:wallets\"><payment><memberId>1.5</memberId><amount> 2.001 </amount></payment></w:pay>"
            + "</soapenv:Body></soapenv:Envelope>").getBytes(StandardCharsets.UTF_8);

    private static TesseraException classify(String message) {
        return ClientFaults.classify(new Fault(new RuntimeException(message)), PAY);
    }

    @Test
    public void anAmountWithThreeDecimalsNamesItsElement() {
        TesseraException e = classify("Unmarshalling Error: java.lang.IllegalArgumentException: at most 2 decimal places: 2.001");
        assertEquals("AMOUNT_INVALID", e.getCode());
        assertEquals("amount", e.getField());
        assertEquals(400, e.getStatus());
    }

    @Test
    public void aFractionForAWholeNumberNamesItsElement() {
        TesseraException e = classify("Unmarshalling Error: For input string: \"1.5\"");
        assertEquals("FIELD_INVALID", e.getCode());
        assertEquals("memberId", e.getField());
    }

    @Test
    public void schemaViolationsNameTheElement() {
        TesseraException unknown = classify("Unmarshalling Error: cvc-complex-type.2.4.a: Invalid content was found starting with "
                + "element 'amountt'. One of '{orderNo, cardNo, remark}' is expected.");
        assertEquals("FIELD_UNKNOWN", unknown.getCode());
        assertEquals("amountt", unknown.getField());
        TesseraException type = classify("Unmarshalling Error: cvc-type.3.1.3: The value 'x' of element 'storeId' is not valid.");
        assertEquals("FIELD_INVALID", type.getCode());
        assertEquals("storeId", type.getField());
    }

    @Test
    public void anythingElseIsAClientErrorWithoutJavaClassNames() {
        TesseraException e = classify("Unmarshalling Error: javax.xml.bind.UnmarshalException: unexpected element (uri:\"\", local:\"x\")");
        assertEquals("SOAP_REQUEST_INVALID", e.getCode());
        assertNull(e.getField());
        assertFalse(e.getMessage(), e.getMessage().contains("javax.") || e.getMessage().contains("Unmarshalling"));
    }

    @Test
    public void aTesseraErrorInsideIsKeptAsItIs() {
        TesseraException inner = PlatformErrors.PHONE_INVALID.at("phone", "not a mainland mobile number");
        assertEquals(inner, ClientFaults.classify(new Fault(inner), PAY));
    }
}
