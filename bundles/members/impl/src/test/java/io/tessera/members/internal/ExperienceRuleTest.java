package io.tessera.members.internal;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import org.junit.Test;

public class ExperienceRuleTest {

    @Test
    public void experienceIsPerYuanPaidRoundedDown() {
        assertEquals(1234, ExperienceRule.earned(123456, BigDecimal.ONE));
        assertEquals(0, ExperienceRule.earned(99, BigDecimal.ONE));
        // 12.34 × 1.5 = 18.51 → 18
        assertEquals(18, ExperienceRule.earned(1234, new BigDecimal("1.5")));
        assertEquals(0, ExperienceRule.earned(100000, BigDecimal.ZERO));
        assertEquals(0, ExperienceRule.earned(0, BigDecimal.TEN));
    }

    @Test
    public void refundsTakeBackTheirShareCountedTogether() {
        // 1234 experience on 1234.56: half back → ⌊1234 × 617.28 / 1234.56⌋ = 617, then all of it.
        assertEquals(617, ExperienceRule.takenBack(1234, 123456, 61728));
        assertEquals(1234, ExperienceRule.takenBack(1234, 123456, 123456));
        assertEquals(1234, ExperienceRule.takenBack(1234, 123456, 200000));
        // Three refunds of a third each: 33, 66, then exactly 100 — never drifting.
        assertEquals(33, ExperienceRule.takenBack(100, 30000, 10000));
        assertEquals(66, ExperienceRule.takenBack(100, 30000, 20000));
        assertEquals(100, ExperienceRule.takenBack(100, 30000, 30000));
        assertEquals(0, ExperienceRule.takenBack(0, 30000, 30000));
        assertEquals(0, ExperienceRule.takenBack(100, 0, 30000));
        assertEquals(0, ExperienceRule.takenBack(100, 30000, 0));
    }
}
