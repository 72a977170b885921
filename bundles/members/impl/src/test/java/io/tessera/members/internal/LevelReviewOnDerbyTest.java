package io.tessera.members.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.tessera.members.api.Member;
import io.tessera.members.internal.jpa.LevelEntity;
import io.tessera.members.internal.jpa.MemberEntity;
import io.tessera.platform.api.BusinessTime;
import io.tessera.testing.UnitDatabase;
import java.math.BigDecimal;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The yearly level review on a real database (embedded Derby, the members changelog): members move down to the
 * level their experience since the last review reaches, never up; returned members stay as they are; a new period
 * begins for everyone; under the yearly policy experience moves levels up from the period's experience, not the
 * lifetime's (a member moved down is not moved straight back up by the next sale).
 */
public class LevelReviewOnDerbyTest {

    private UnitDatabase db;
    private long silver;
    private long gold;
    private long platinum;

    @Before
    public void setUp() {
        db = UnitDatabase.create("tessera-members");
        silver = level("银卡", 0);
        gold = level("金卡", 1000);
        platinum = level("白金卡", 5000);
    }

    @After
    public void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    public void membersMoveDownToWhatTheYearsExperienceReachesAndANewPeriodBegins() {
        long keeps = member(6000, 5200, platinum, Member.Status.ACTIVE);
        long toGold = member(6000, 1200, platinum, Member.Status.ACTIVE);
        long toSilver = member(6000, 10, platinum, Member.Status.ACTIVE);
        long goldQuiet = member(1500, 0, gold, Member.Status.ACTIVE);
        long neverUp = member(100, 2000, silver, Member.Status.ACTIVE);
        long returned = member(6000, 0, platinum, Member.Status.RETURNED);

        int moved = db.jpa().txExpr(TransactionType.Required, LevelServiceImpl::review);

        assertEquals(3, moved);
        assertEquals(platinum, levelOf(keeps));
        assertEquals(gold, levelOf(toGold));
        assertEquals(silver, levelOf(toSilver));
        assertEquals(silver, levelOf(goldQuiet));
        assertEquals("the review never moves anyone up", silver, levelOf(neverUp));
        assertEquals(platinum, levelOf(returned));
        db.jpa().tx(TransactionType.Required, em -> {
            assertEquals(0L, (long) em.createQuery("SELECT COUNT(m) FROM MemberEntity m WHERE m.periodExperience <> 0", Long.class).getSingleResult());
            assertEquals("lifetime experience stays", 6000, em.find(MemberEntity.class, toSilver).experience);
        });
    }

    @Test
    public void underTheYearlyPolicyASaleMovesUpFromThePeriodsExperience() {
        long m = member(6000, 0, silver, Member.Status.ACTIVE);
        db.jpa().tx(TransactionType.Required, em -> LevelServiceImpl.grant(em, em.find(MemberEntity.class, m), 500, "SALE", "O-1", true));
        assertEquals("6,500 in all, 500 this period", silver, levelOf(m));
        db.jpa().tx(TransactionType.Required, em -> LevelServiceImpl.grant(em, em.find(MemberEntity.class, m), 600, "SALE", "O-2", true));
        assertEquals(gold, levelOf(m));
        long lifetime = member(6000, 0, silver, Member.Status.ACTIVE);
        db.jpa().tx(TransactionType.Required, em -> LevelServiceImpl.grant(em, em.find(MemberEntity.class, lifetime), 1, "SALE", "O-3", false));
        assertEquals("without the yearly review levels follow all the experience", platinum, levelOf(lifetime));
        db.jpa().tx(TransactionType.Required, em -> LevelServiceImpl.grant(em, em.find(MemberEntity.class, m), -5000, "REFUND", "O-2/R", true));
        db.jpa().tx(TransactionType.Required, em -> assertEquals("never below 0", 0, em.find(MemberEntity.class, m).periodExperience));
    }

    @Test
    public void belowTheLowestThresholdAMemberHoldsNoLevel() {
        db.jpa().tx(TransactionType.Required, em -> em.find(LevelEntity.class, silver).threshold = 100);
        long m = member(3000, 50, gold, Member.Status.ACTIVE);
        db.jpa().txExpr(TransactionType.Required, LevelServiceImpl::review);
        assertNull(db.jpa().txExpr(TransactionType.Required, em -> em.find(MemberEntity.class, m).levelId));
    }

    private long level(String name, long threshold) {
        return db.jpa().txExpr(TransactionType.Required, em -> {
            LevelEntity l = new LevelEntity();
            l.name = name;
            l.threshold = threshold;
            l.discountRate = new BigDecimal("1.00");
            em.persist(l);
            em.flush();
            return l.id;
        });
    }

    private long member(long experience, long period, long level, Member.Status status) {
        return db.jpa().txExpr(TransactionType.Required, em -> {
            MemberEntity e = new MemberEntity();
            e.name = "测试";
            e.gender = "UNKNOWN";
            e.registeredStoreId = 1L;
            e.channel = Member.Channel.ON_BEHALF.name();
            e.registeredBy = "test";
            e.status = status.name();
            e.experience = experience;
            e.periodExperience = period;
            e.levelId = level;
            e.registeredAt = BusinessTime.now();
            em.persist(e);
            e.memberNo = Registrations.memberNo(e.id);
            em.flush();
            return e.id;
        });
    }

    /** The member's level (-1: none). */
    private long levelOf(long member) {
        Long level = db.jpa().txExpr(TransactionType.Required, em -> em.find(MemberEntity.class, member).levelId);
        return level == null ? -1 : level;
    }
}
