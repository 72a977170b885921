package io.tessera.members.internal.soap;

import io.tessera.members.api.Member;
import java.util.List;

/** A page of members as SOAP carries it (JAXB needs a concrete element type). */
public class MemberList {
    public List<Member> member;
    public int page;
    public int size;
    public long total;
}
