package io.tessera.marketing.api;

import io.tessera.platform.api.Page;

/**
 * Referrals (推荐有礼): every member has a referral code; a new member names it at registration
 * ({@code referralCode} of the registration) or soon after ({@link #bind}); the activity's trigger then rewards
 * both sides once.
 */
public interface ReferralService {

    /** The member's code, made on first ask. */
    ReferralCode code(long memberId);

    /** The referee names the referrer's code after registering; refusals are errors (MarketingErrors). Keyed. */
    Referral bind(Requests.Binding binding, String idempotencyKey);

    Referral get(long refereeId);

    /** The referrals a member made, newest first (or all, for headquarters). */
    Page<Referral> list(Long referrerId, ReferralState state, int page, int size);
}
