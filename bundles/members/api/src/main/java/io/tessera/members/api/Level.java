package io.tessera.members.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * A member level: reached at {@code threshold} experience; its discount rate (e.g. 0.95) applies
 * to member payments only.
 */
public class Level {
    @Schema(accessMode = Schema.AccessMode.READ_ONLY)
    public Long id;
    public String name;
    public Long threshold;
    public BigDecimal discountRate;
    @Schema(accessMode = Schema.AccessMode.READ_ONLY)
    public long memberCount;
}
