package io.tessera.platform.api.soap;

import io.tessera.platform.api.Page;
import java.util.List;
import javax.xml.bind.annotation.XmlTransient;

/**
 * A page of a list as SOAP carries it. JAXB needs each list's element type and name to be concrete, so a
 * face declares a small subclass holding the typed list ({@code public List<Member> member;}) with
 * {@code @XmlType(propOrder = {"member", "page", "size", "total"})}; the paging fields are these, written
 * into the subclass's type (this class is not a type of the WSDL).
 */
@XmlTransient
public abstract class SoapPage {

    /** 1-based page number. */
    public int page;
    /** Rows per page. */
    public int size;
    /** Rows on all pages. */
    public long total;

    /** Takes the paging of {@code p} and answers its items, for the subclass's list. */
    public <T> List<T> from(Page<T> p) {
        page = p.getPage();
        size = p.getSize();
        total = p.getTotal();
        return p.getItems();
    }
}
