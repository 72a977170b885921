package io.tessera.reporting.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** Who wins an open difference, and why (required, up to 500 characters). */
public class ResolutionRequest {
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
    public Resolution resolution;
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 500)
    public String reason;
}
