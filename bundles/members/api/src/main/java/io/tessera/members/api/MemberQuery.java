package io.tessera.members.api;

import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** List filters; every one optional. A store-level caller only ever gets its own stores' members. */
public class MemberQuery {
    public Long storeId;
    public String phone;
    public String memberNo;
    /** Prefix of the name. */
    public String name;
    public Long levelId;
    public Member.Status status;
    /** Born on this month and day, "MM-dd" (e.g. "12-05"; "02-29" finds those born on the 29th of February). */
    public String bornOn;
    /** Registered on or after this day (business days, Asia/Shanghai). */
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate registeredFrom;
    /** Registered on or before this day. */
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate registeredTo;
    public int page = 1;
    public int size = 20;
}
