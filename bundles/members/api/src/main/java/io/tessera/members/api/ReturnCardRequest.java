package io.tessera.members.api;

/** 退卡: erases the member's personal data for good. {@code confirm} must be true. */
public class ReturnCardRequest {
    public boolean confirm;
    /** Why the member returns the card, at most 500 characters. */
    public String reason;
}
