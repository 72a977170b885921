package io.tessera.marketing.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** The request bodies of the marketing API. */
public final class Requests {

    private Requests() {
    }

    /** Creates or changes an activity (a change sends every field again). */
    @XmlType(name = "marketingActivityRequest")
    public static class ActivityRequest {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public ActivityType type;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100)
        public String name;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
        public OffsetDateTime startsAt;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
        public OffsetDateTime endsAt;
        /** Empty or absent: every store. At most 500. */
        public List<Long> storeIds;
        /** How many times the activity rewards in all (a referral counts once); absent: no limit. */
        @Schema(minimum = "1", maximum = "100000000")
        public Long budget;
        /** How many times one member is rewarded (REFERRAL: per referrer); absent: no limit. */
        @Schema(minimum = "1", maximum = "10000")
        public Integer perMemberLimit;
        /** REFERRAL: required. */
        public Trigger trigger;
        /** RECHARGE: required, the smallest recharge rewarded (0.01 to 1,000,000.00); other types: absent. */
        @Schema(minimum = "0.01", maximum = "1000000")
        public Money rechargeFrom;
        /** RECHARGE: the members' levels rewarded, at most 50 (empty or absent: every member); other types: absent. */
        public List<Long> levelIds;
        /** 1 to 10 rewards; a RECHARGE activity's at most one BONUS. */
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public List<RewardSpec> rewards;
    }

    /** Makes a member card for a channel, or renames it (before its first push). */
    @XmlType(name = "marketingCardRequest")
    public static class CardRequest {
        /** A card channel installed (e.g. "webhook"); not changed later. */
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 30, example = "webhook")
        public String channel;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 30, example = "泰瑟拉会员卡")
        public String name;
    }

    /** A member opens a card. */
    @XmlType(name = "marketingCardOpening")
    public static class CardOpening {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long memberId;
    }

    /** A referee names their referrer's code after registering (within referral.bindMinutes). */
    @XmlType(name = "marketingReferralBinding")
    public static class Binding {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long refereeId;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 20, example = "7KQ2M9XA")
        public String code;
    }

    /** Sends a COUPON_SEND activity's rewards to a segment, now (runAt absent) or later. */
    @XmlType(name = "marketingSendRequest")
    public static class SendRequest {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long activityId;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Segment segment;
        /** Absent: now. Within the activity's window. */
        @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
        public OffsetDateTime runAt;
    }
}
