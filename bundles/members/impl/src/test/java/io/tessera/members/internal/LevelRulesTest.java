package io.tessera.members.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.tessera.members.internal.LevelRules.Band;
import io.tessera.members.internal.LevelRules.Threshold;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

public class LevelRulesTest {

    private static final long SILVER = 1, GOLD = 2, DIAMOND = 3;
    private final List<Threshold> levels = List.of(new Threshold(GOLD, 1000), new Threshold(SILVER, 0), new Threshold(DIAMOND, 5000));

    @Test
    public void highestReachedLevelWins() {
        assertEquals(Long.valueOf(SILVER), LevelRules.levelFor(0, levels));
        assertEquals(Long.valueOf(SILVER), LevelRules.levelFor(999, levels));
        assertEquals(Long.valueOf(GOLD), LevelRules.levelFor(1000, levels));
        assertEquals(Long.valueOf(DIAMOND), LevelRules.levelFor(1_000_000, levels));
    }

    @Test
    public void belowEveryThresholdThereIsNoLevel() {
        assertNull(LevelRules.levelFor(99, List.of(new Threshold(GOLD, 100))));
        assertNull(LevelRules.levelFor(5, List.of()));
    }

    @Test
    public void aNewLowerLevelCatchesMembersWhoAlreadyHadMoreExperience() {
        List<Threshold> before = List.of(new Threshold(SILVER, 0), new Threshold(DIAMOND, 5000));
        assertEquals(Long.valueOf(SILVER), LevelRules.levelFor(3000, before));
        List<Threshold> after = new ArrayList<>(before);
        after.add(new Threshold(GOLD, 2000));
        assertEquals(Long.valueOf(GOLD), LevelRules.levelFor(3000, after));
    }

    @Test
    public void bandsCoverExactlyWhatLevelForSays() {
        List<Band> bands = LevelRules.bands(levels);
        assertEquals(3, bands.size());
        assertEquals(new Band(SILVER, 0, 1000L), bands.get(0));
        assertEquals(new Band(GOLD, 1000, 5000L), bands.get(1));
        assertEquals(new Band(DIAMOND, 5000, null), bands.get(2));
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long exp = random.nextInt(10_000);
            Long viaBands = null;
            for (Band b : bands) {
                if (exp >= b.from() && (b.toExclusive() == null || exp < b.toExclusive())) {
                    viaBands = b.levelId();
                }
            }
            assertEquals("experience " + exp, LevelRules.levelFor(exp, levels), viaBands);
        }
    }

    @Test
    public void discountRatesAreAboveZeroAtMostOneWithTwoPlaces() {
        assertTrue(LevelRules.validRate(new BigDecimal("0.95")));
        assertTrue(LevelRules.validRate(new BigDecimal("1")));
        assertTrue(LevelRules.validRate(new BigDecimal("0.880")));
        assertFalse(LevelRules.validRate(new BigDecimal("0")));
        assertFalse(LevelRules.validRate(new BigDecimal("1.01")));
        assertFalse(LevelRules.validRate(new BigDecimal("0.925")));
        assertFalse(LevelRules.validRate(null));
    }

    @Test
    public void theReviewDayIsAMonthAndDayAndThe29thOfFebruaryIsThe28thInCommonYears() {
        assertArrayEquals(new int[] {1, 1}, LevelRules.monthDay("01-01"));
        assertArrayEquals(new int[] {2, 29}, LevelRules.monthDay("02-29"));
        assertNull(LevelRules.monthDay("02-30"));
        assertNull(LevelRules.monthDay("13-01"));
        assertNull(LevelRules.monthDay("1-1"));
        assertEquals(LocalDate.of(2027, 2, 28), LevelRules.reviewDay(2027, 2, 29));
        assertEquals(LocalDate.of(2028, 2, 29), LevelRules.reviewDay(2028, 2, 29));
    }
}
