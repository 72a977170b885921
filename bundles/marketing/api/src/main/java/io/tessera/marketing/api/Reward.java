package io.tessera.marketing.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * One reward to one member, traceable to its activity and to what caused it ({@code source}, e.g.
 * "referral:&lt;refereeId&gt;"). Delivered once: {@code deliveryKey} is unique, and the coupon or points it gave
 * carry it as their reference.
 */
@XmlType(name = "marketingReward")
public class Reward {
    public long id;
    public long activityId;
    public long memberId;
    public RewardRole role;
    public RewardKind kind;
    public Long templateId;
    public Long points;
    /** BONUS: the stored value credited, in the recharge's journal row (source "recharge:&lt;entryId&gt;"). */
    public Money amount;
    public RewardState state;
    public int attempts;
    public String deliveryKey;
    public String source;
    /** DONE: the coupon given. */
    public String couponNo;
    /** DONE: the points earning (GET /points/earnings?memberId=). */
    public Long earningId;
    /** REFUSED (or a PENDING one waiting for its domain): the delivering domain's code and message. */
    public String code;
    public String message;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime createdAt;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime doneAt;
}
