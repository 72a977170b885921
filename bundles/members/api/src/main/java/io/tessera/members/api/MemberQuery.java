package io.tessera.members.api;

/** List filters; every one optional. A store-level caller only ever gets its own stores' members. */
public class MemberQuery {
    public Long storeId;
    public String phone;
    public String memberNo;
    /** Prefix of the name. */
    public String name;
    public Long levelId;
    public Member.Status status;
    public int page = 1;
    public int size = 20;
}
