package io.tessera.members.api;

import java.math.BigDecimal;

/**
 * A member level: reached at {@code threshold} experience; its discount rate (e.g. 0.95) applies
 * to member payments only.
 */
public class Level {
    public Long id;
    public String name;
    public Long threshold;
    public BigDecimal discountRate;
    public long memberCount;
}
