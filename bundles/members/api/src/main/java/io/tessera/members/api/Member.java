package io.tessera.members.api;

import io.tessera.platform.api.xml.LocalDateAdapter;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A member. After a card return (退卡) the personal fields are erased and status is RETURNED. */
public class Member {
    public enum Status { ACTIVE, RETURNED }

    /**
     * How the member was registered: by themselves (mini-program), at the counter by an operator, or by paying
     * through a payment channel (支付即会员: no phone until they give one).
     */
    public enum Channel { SELF, ON_BEHALF, PAY }

    public Long id;
    public String memberNo;
    /** Whole for headquarters callers; masked (138****5678) in the answers to callers of a store. */
    public String phone;
    public String name;
    public Gender gender;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate birthday;
    public Long registeredStoreId;
    public Channel channel;
    /** Employee no of the operator, or the integrator client, who registered the member. */
    public String registeredBy;
    public Status status;
    public Long levelId;
    public String levelName;
    /** The discount of the member's level on member payments (1.00 when no level applies). */
    public BigDecimal discountRate;
    public long experience;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime registeredAt;
}
