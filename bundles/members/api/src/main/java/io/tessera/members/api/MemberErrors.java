package io.tessera.members.api;

import io.tessera.platform.api.ErrorCode;

/** The members domain's error catalogue: members, levels, experience. */
public enum MemberErrors implements ErrorCode {
    MEMBER_NOT_FOUND(404),
    MEMBER_NOT_REGISTERED(404),
    MEMBER_PHONE_EXISTS(409),
    /** The member has a phone already: it is not changed by a profile edit (only a member enrolled by a payment gets one). */
    MEMBER_PHONE_SET(409),
    MEMBER_RETURNED(422),
    MEMBER_HAS_BALANCE(422),
    MEMBER_KEY_REQUIRED(400),
    BIRTHDAY_INVALID(400),
    CONFIRMATION_REQUIRED(400),
    LEVEL_NOT_FOUND(404),
    LEVEL_EXISTS(409),
    LEVEL_IN_USE(409),
    THRESHOLD_INVALID(400),
    DISCOUNT_RATE_INVALID(400),
    EXPERIENCE_INVALID(400);

    private final int status;

    MemberErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
