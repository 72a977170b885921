package io.tessera.marketing.api;

import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Who referred whom, under which activity, and how far it went. */
@XmlType(name = "marketingReferral")
public class Referral {
    public long refereeId;
    /** Null when the code named nobody. */
    public Long referrerId;
    public String code;
    public Long activityId;
    public ReferralState state;
    /** REFUSED: why (a MarketingErrors code); REWARDED: set when the referrer's share was not given (over its limit). */
    public String refusal;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime boundAt;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime rewardedAt;
}
