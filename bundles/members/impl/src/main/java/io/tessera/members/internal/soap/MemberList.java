package io.tessera.members.internal.soap;

import io.tessera.members.api.Member;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.soap.SoapPage;
import java.util.List;
import javax.xml.bind.annotation.XmlType;

/** A page of members as SOAP carries it. */
@XmlType(propOrder = {"member", "page", "size", "total"})
public class MemberList extends SoapPage {
    public List<Member> member;

    static MemberList of(Page<Member> p) {
        MemberList list = new MemberList();
        list.member = list.from(p);
        return list;
    }
}
