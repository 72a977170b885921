package io.tessera.marketing.api;

import io.tessera.platform.api.ErrorCode;

/** The marketing domain's error catalogue: activities, rewards, referrals. */
public enum MarketingErrors implements ErrorCode {
    ACTIVITY_NOT_FOUND(404),
    /** An activity's fields do not make an activity (the field says which). */
    ACTIVITY_INVALID(400),
    /** Not a state change the activity can make now (e.g. activating an ended one). */
    ACTIVITY_STATE_INVALID(409),
    /** The activity is running (or was): what it rewards, and how, no longer changes (end it and make a new one). */
    ACTIVITY_LOCKED(409),
    /** A referral code that is not 8 characters of a code, or whose check character is wrong. */
    REFERRAL_CODE_INVALID(400),
    /** No member has this referral code. */
    REFERRAL_CODE_NOT_FOUND(404),
    /** The member named no referral code. */
    REFERRAL_NOT_FOUND(404),
    /** A member cannot refer themselves. */
    REFERRAL_SELF(422),
    /** The referrer registered after the referee: the referral would go backwards (and could close a loop). */
    REFERRAL_LOOP(422),
    /** The member was already referred (a member has one referrer). */
    REFERRAL_ALREADY_REFERRED(409),
    /** The code comes too long after the referee registered (etc/io.tessera.marketing.cfg: referral.bindMinutes). */
    REFERRAL_TOO_LATE(422),
    /** No active referral activity covers the referee's registering store now. */
    REFERRAL_NO_ACTIVITY(422),
    /** The activity is not running now (paused, ended, or outside its window). */
    ACTIVITY_NOT_ACTIVE(422),
    /** The activity's budget is used up. */
    ACTIVITY_BUDGET_EXHAUSTED(422),
    /** The member has had as many rewards of the activity as it allows. */
    ACTIVITY_MEMBER_LIMIT_REACHED(422),
    REWARD_NOT_FOUND(404),
    SEND_NOT_FOUND(404),
    /** A send's fields do not make a send (the field says which). */
    SEND_INVALID(400),
    /** Not a change the send can make now (only a scheduled send is cancelled, only a stopped one resumed). */
    SEND_STATE_INVALID(409),
    /** Only a refused reward is delivered again. */
    REWARD_STATE_INVALID(409),
    /** A reward waits for the domain that gives it (coupons, points), which is not installed now. */
    REWARD_DOMAIN_NOT_INSTALLED(503),
    /** Giving a reward failed for a reason other than a refusal (a fault, logged); it is tried again, backing off. */
    REWARD_DELIVERY_FAILED(500),
    CARD_NOT_FOUND(404),
    /** A card's fields do not make a card (the field says which). */
    CARD_INVALID(400),
    /** The channel has a card already (one card per channel). */
    CARD_EXISTS(409),
    /** The card has been pushed to its channel: its name no longer changes (the channels refuse it). */
    CARD_NAME_LOCKED(409),
    /** No card channel of that name is installed (or configured) now. */
    CARD_CHANNEL_NOT_AVAILABLE(503),
    /** The member has not opened the card. */
    MEMBER_CARD_NOT_FOUND(404);

    private final int status;

    MarketingErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
