package io.tessera.marketing.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.Money;
import javax.xml.bind.annotation.XmlType;

/** One reward an activity gives: a coupon of a template, points, or a stored-value bonus, to one role. */
@XmlType(name = "marketingRewardSpec")
public class RewardSpec {
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
    public RewardRole role;
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
    public RewardKind kind;
    /** COUPON: the coupon template (active when the reward is delivered). */
    public Long templateId;
    /** POINTS: how many, 1 to 1,000,000. */
    @Schema(minimum = "1", maximum = "1000000")
    public Long points;
    /** BONUS: the stored value credited as bonus, 0.01 to 100,000.00. */
    @Schema(minimum = "0.01", maximum = "100000")
    public Money amount;
}
