package io.tessera.marketing.api;

/**
 * What an activity rewards. REFERRAL (推荐有礼): a member brings a new member; both are rewarded once.
 * COUPON_SEND (直接送券): headquarters send its rewards to a segment of members, now or at a set time.
 * RECHARGE (充值有礼): a recharge of at least {@code rechargeFrom}, by a member of its levels in its stores, earns a
 * stored-value bonus in the recharge itself and coupons or points after it.
 * PAY_TO_JOIN (支付即会员): a customer who is no member pays a sale in its stores through WeChat Pay or Alipay and
 * becomes a member (channel PAY), rewarded once; a later payment of theirs is the same member's.
 */
public enum ActivityType {
    REFERRAL, COUPON_SEND, RECHARGE, PAY_TO_JOIN
}
