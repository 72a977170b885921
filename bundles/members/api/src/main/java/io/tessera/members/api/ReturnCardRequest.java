package io.tessera.members.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** 退卡: erases the member's personal data for good. {@code confirm} must be true. */
public class ReturnCardRequest {
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Must be true: the member's personal data is erased for good")
    public boolean confirm;
    /** Why the member returns the card, at most 500 characters. */
    public String reason;
}
