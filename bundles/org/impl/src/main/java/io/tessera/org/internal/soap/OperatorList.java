package io.tessera.org.internal.soap;

import io.tessera.org.api.Operator;
import io.tessera.platform.api.Page;
import java.util.List;

/** A page of operators as SOAP carries it (JAXB needs a concrete element type). */
public class OperatorList {
    public List<Operator> operator;
    public int page;
    public int size;
    public long total;

    static OperatorList of(Page<Operator> p) {
        OperatorList list = new OperatorList();
        list.operator = p.getItems();
        list.page = p.getPage();
        list.size = p.getSize();
        list.total = p.getTotal();
        return list;
    }
}
