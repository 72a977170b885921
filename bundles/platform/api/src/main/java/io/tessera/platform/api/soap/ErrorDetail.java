package io.tessera.platform.api.soap;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

/** A SOAP fault's detail: what a REST error body says, in the WSDL's types. */
@XmlRootElement(name = "error")
@XmlType(name = "errorDetail", propOrder = {"code", "message", "field", "status"})
@XmlAccessorType(XmlAccessType.FIELD)
public class ErrorDetail {

    /** The stable code from the domain's catalogue, e.g. WALLET_INSUFFICIENT_BALANCE. */
    @XmlElement(required = true)
    public String code;

    @XmlElement(required = true)
    public String message;

    /** The field (or header, element) at fault, when there is one. */
    public String field;

    /** The status the same refusal has in REST (400, 404, 409, 422 ...). */
    public int status;
}
