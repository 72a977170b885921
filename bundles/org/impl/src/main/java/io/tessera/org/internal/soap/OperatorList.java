package io.tessera.org.internal.soap;

import io.tessera.org.api.Operator;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.soap.SoapPage;
import java.util.List;
import javax.xml.bind.annotation.XmlType;

/** A page of operators as SOAP carries it. */
@XmlType(propOrder = {"operator", "page", "size", "total"})
public class OperatorList extends SoapPage {
    public List<Operator> operator;

    static OperatorList of(Page<Operator> p) {
        OperatorList list = new OperatorList();
        list.operator = list.from(p);
        return list;
    }
}
