package io.tessera.org.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** A store format (业态), e.g. PHARMACY 药房, HEALTH_CENTER 健康中心, CLINIC 诊所. */
public class BusinessFormat {
    /** Letters, digits, "_" and "-", at most 32, unique (kept upper-case). */
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9_-]{1,32}$", example = "PHARMACY")
    public String code;
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
    public String name;
}
