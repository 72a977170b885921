package io.tessera.marketing.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * A marketing activity: it rewards within its window [startsAt, endsAt), while ACTIVE, in its stores (empty: every
 * store), at most {@code budget} times in all (null: no limit; {@code used} so far) and {@code perMemberLimit} times
 * per member (REFERRAL: per referrer). Every change is audited and counts a version. A RECHARGE activity rewards a
 * recharge of at least {@code rechargeFrom} by a member of one of {@code levelIds}; of the recharge activities that
 * apply, the one with the highest {@code rechargeFrom} that still has budget and member limit rewards (never two).
 */
@XmlType(name = "marketingActivity")
public class Activity {
    public long id;
    public ActivityType type;
    public String name;
    public ActivityStatus status;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime startsAt;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime endsAt;
    public List<Long> storeIds;
    public Long budget;
    public long used;
    public Integer perMemberLimit;
    /** REFERRAL: when the referral is rewarded. */
    public Trigger trigger;
    /** RECHARGE: the smallest recharge rewarded. */
    public Money rechargeFrom;
    /** RECHARGE: the members' levels rewarded (empty: every member). */
    public List<Long> levelIds;
    public List<RewardSpec> rewards;
    public int version;
    public String createdBy;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime createdAt;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime updatedAt;
}
