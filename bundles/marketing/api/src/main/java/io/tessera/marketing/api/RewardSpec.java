package io.tessera.marketing.api;

import io.swagger.v3.oas.annotations.media.Schema;
import javax.xml.bind.annotation.XmlType;

/** One reward an activity gives: a coupon of a template, or points, to one role. */
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
}
