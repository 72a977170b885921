package io.tessera.members.internal;

import io.tessera.members.api.MemberErrors;
import io.tessera.members.api.Level;
import io.tessera.members.api.LevelService;
import io.tessera.members.api.Member;
import io.tessera.members.internal.LevelRules.Band;
import io.tessera.members.internal.LevelRules.Threshold;
import io.tessera.members.internal.jpa.ExperienceEntity;
import io.tessera.members.internal.jpa.LevelEntity;
import io.tessera.members.internal.jpa.MemberEntity;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.audit.AuditService;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = LevelService.class)
public class LevelServiceImpl implements LevelService {

    private static final String ENTITY = "level";

    private final JpaTemplate jpa;

    private final AuditService audit;

    private final MemberSettings settings;

    @Activate
    public LevelServiceImpl(@Reference(target = "(osgi.unit.name=tessera-members)") JpaTemplate jpa,
            @Reference AuditService audit, @Reference MemberSettings settings) {
        this.jpa = jpa;
        this.audit = audit;
        this.settings = settings;
    }

    @Override
    public List<Level> list() {
        CallerContext.current();
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<Long, Long> counts = em.createQuery(
                            "SELECT m.levelId, COUNT(m) FROM MemberEntity m WHERE m.levelId IS NOT NULL GROUP BY m.levelId", Object[].class)
                    .getResultList().stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
            return em.createQuery("SELECT l FROM LevelEntity l ORDER BY l.threshold", LevelEntity.class).getResultList().stream()
                    .map(l -> toDto(l, counts.getOrDefault(l.id, 0L))).collect(Collectors.toList());
        });
    }

    @Override
    public Level create(Level level) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        Checks.required("body", level);
        LevelEntity e = new LevelEntity();
        apply(e, level, true);
        Level created = jpa.txExpr(TransactionType.Required, em -> {
            em.persist(e);
            Flush.orConflict(em, LevelServiceImpl::levelTaken);
            reevaluate(em, settings.review().yearly());
            Level dto = toDto(e, 0);
            audit.record("level.create", ENTITY, String.valueOf(e.id), null, null, dto);
            return dto;
        });
        LevelCache.forgetAll();
        return created;
    }

    @Override
    public Level update(long id, Level level) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        Checks.required("body", level);
        Level updated = jpa.txExpr(TransactionType.Required, em -> {
            LevelEntity e = em.find(LevelEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (e == null) {
                throw notFound(id);
            }
            Level before = toDto(e, 0);
            apply(e, level, false);
            Flush.orConflict(em, LevelServiceImpl::levelTaken);
            reevaluate(em, settings.review().yearly());
            Level after = toDto(e, 0);
            audit.record("level.update", ENTITY, String.valueOf(id), null, before, after);
            return after;
        });
        LevelCache.forgetAll();
        return updated;
    }

    @Override
    public void delete(long id, Long moveToLevelId) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        jpa.tx(TransactionType.Required, em -> {
            LevelEntity e = em.find(LevelEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (e == null) {
                throw notFound(id);
            }
            long holders = em.createQuery("SELECT COUNT(m) FROM MemberEntity m WHERE m.levelId = :id", Long.class)
                    .setParameter("id", id).getSingleResult();
            if (holders > 0) {
                if (moveToLevelId == null) {
                    throw MemberErrors.LEVEL_IN_USE.at("moveTo",
                            holders + " member(s) hold this level: name a level to move them to (moveTo)");
                }
                if (moveToLevelId == id || em.find(LevelEntity.class, moveToLevelId) == null) {
                    throw MemberErrors.LEVEL_NOT_FOUND.at("moveTo", "moveTo must be another existing level");
                }
                em.createQuery("UPDATE MemberEntity m SET m.levelId = :to WHERE m.levelId = :id")
                        .setParameter("to", moveToLevelId).setParameter("id", id).executeUpdate();
            }
            Level before = toDto(e, holders);
            em.remove(e);
            audit.record("level.delete", ENTITY, String.valueOf(id), null, before,
                    holders > 0 ? Map.of("movedMembers", holders, "movedTo", moveToLevelId) : null);
        });
        LevelCache.forgetAll();
    }

    @Override
    public Member grantExperience(long memberId, long amount, String source, String reference) {
        Caller caller = CallerContext.current();
        if (amount <= 0) {
            throw MemberErrors.EXPERIENCE_INVALID.at("amount", "experience to add must be positive");
        }
        String src = Checks.text("source", source, 32);
        String ref = Checks.text("reference", reference, 100);
        return jpa.txExpr(TransactionType.Required, em -> {
            MemberEntity m = MemberServiceImpl.visible(caller, em.find(MemberEntity.class, memberId, LockModeType.PESSIMISTIC_WRITE));
            grant(em, m, amount, src, ref, settings.review().yearly());
            return MemberServiceImpl.toDto(em, m);
        });
    }

    /**
     * Adds (or, negative, takes back) experience of the locked member once per source and reference; never below 0.
     * Gaining experience only ever upgrades; losing it never downgrades (levels go down only by the yearly review,
     * when the chain has one: then levels follow the experience since the last review, {@code yearly}). Returns whether
     * it was applied (false: seen before, or the card was returned).
     */
    static boolean grant(EntityManager em, MemberEntity m, long amount, String source, String reference, boolean yearly) {
        boolean seen = !em.createQuery("SELECT x.id FROM ExperienceEntity x WHERE x.source = :s AND x.reference = :r", Long.class)
                .setParameter("s", source).setParameter("r", reference).getResultList().isEmpty();
        if (seen || amount == 0 || !Member.Status.ACTIVE.name().equals(m.status)) {
            return false;
        }
        long applied = Math.max(amount, -m.experience);
        ExperienceEntity x = new ExperienceEntity();
        x.memberId = m.id;
        x.amount = applied;
        x.source = source;
        x.reference = reference;
        x.at = BusinessTime.now();
        em.persist(x);
        m.experience = Math.addExact(m.experience, applied);
        m.periodExperience = Math.max(0, Math.addExact(m.periodExperience, applied));
        Long newLevel = levelFor(em, yearly ? m.periodExperience : m.experience);
        if (newLevel != null && threshold(em, newLevel) > threshold(em, m.levelId)) {
            m.levelId = newLevel;
        }
        return true;
    }

    @Override
    public int reevaluateAll() {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        boolean yearly = settings.review().yearly();
        return jpa.txExpr(TransactionType.Required, em -> reevaluate(em, yearly));
    }

    /**
     * Upgrades every member whose experience reaches a higher level than the one they hold: one bulk update per
     * level band (members of the band holding no level or a lower one). Never downgrades: a raised threshold or a
     * new higher level leaves members where they are until the yearly review, when the chain has one.
     */
    static int reevaluate(EntityManager em, boolean yearly) {
        String basis = yearly ? "m.periodExperience" : "m.experience";
        List<Threshold> levels = thresholds(em);
        List<Band> bands = LevelRules.bands(levels);
        int changed = 0;
        for (Band b : bands) {
            List<Long> lower = levels.stream().filter(t -> t.threshold() < b.from()).map(Threshold::levelId).toList();
            String upper = b.toExclusive() == null ? "" : " AND " + basis + " < :to";
            var q = em.createQuery("UPDATE MemberEntity m SET m.levelId = :level WHERE " + basis + " >= :from" + upper
                            + " AND (m.levelId IS NULL" + (lower.isEmpty() ? "" : " OR m.levelId IN :lower") + ")")
                    .setParameter("level", b.levelId()).setParameter("from", b.from());
            if (b.toExclusive() != null) {
                q.setParameter("to", b.toExclusive());
            }
            if (!lower.isEmpty()) {
                q.setParameter("lower", lower);
            }
            changed += q.executeUpdate();
        }
        return changed;
    }

    /**
     * The yearly review: every active member holding a level above the one their experience since the last review
     * reaches moves down to that one (none, below the lowest threshold) — one bulk update per level band — and a new
     * period starts for everyone. Never moves anyone up (that happens as experience comes). Returns how many moved.
     */
    static int review(EntityManager em) {
        List<Threshold> levels = thresholds(em);
        int moved = 0;
        for (Band b : LevelRules.bands(levels)) {
            List<Long> higher = levels.stream().filter(t -> t.threshold() > b.from()).map(Threshold::levelId).toList();
            if (higher.isEmpty()) {
                continue;
            }
            String upper = b.toExclusive() == null ? "" : " AND m.periodExperience < :to";
            var q = em.createQuery("UPDATE MemberEntity m SET m.levelId = :level WHERE m.status = 'ACTIVE' AND m.periodExperience >= :from" + upper
                    + " AND m.levelId IN :higher").setParameter("level", b.levelId()).setParameter("from", b.from()).setParameter("higher", higher);
            if (b.toExclusive() != null) {
                q.setParameter("to", b.toExclusive());
            }
            moved += q.executeUpdate();
        }
        long lowest = levels.stream().mapToLong(Threshold::threshold).min().orElse(0);
        if (!levels.isEmpty() && lowest > 0) {
            moved += em.createQuery("UPDATE MemberEntity m SET m.levelId = NULL WHERE m.status = 'ACTIVE' AND m.periodExperience < :lowest"
                    + " AND m.levelId IS NOT NULL").setParameter("lowest", lowest).executeUpdate();
        }
        em.createQuery("UPDATE MemberEntity m SET m.periodExperience = 0 WHERE m.periodExperience <> 0").executeUpdate();
        return moved;
    }

    static Long levelFor(EntityManager em, long experience) {
        return LevelRules.levelFor(experience, thresholds(em));
    }

    static Map<Long, LevelEntity> levelsById(EntityManager em) {
        return em.createQuery("SELECT l FROM LevelEntity l", LevelEntity.class).getResultList().stream()
                .collect(Collectors.toMap(l -> l.id, Function.identity()));
    }

    private static List<Threshold> thresholds(EntityManager em) {
        return em.createQuery("SELECT l FROM LevelEntity l", LevelEntity.class).getResultList().stream()
                .map(l -> new Threshold(l.id, l.threshold)).collect(Collectors.toList());
    }

    private static long threshold(EntityManager em, Long levelId) {
        LevelEntity l = levelId == null ? null : em.find(LevelEntity.class, levelId);
        return l == null ? -1 : l.threshold;
    }

    private static void apply(LevelEntity e, Level r, boolean creating) {
        if (creating || r.name != null) {
            e.name = Checks.text("name", r.name, 50);
        }
        if (creating || r.threshold != null) {
            Checks.required("threshold", r.threshold);
            if (r.threshold < 0) {
                throw MemberErrors.THRESHOLD_INVALID.at("threshold", "threshold must be 0 or more");
            }
            e.threshold = r.threshold;
        }
        if (creating || r.discountRate != null) {
            if (!LevelRules.validRate(r.discountRate)) {
                throw MemberErrors.DISCOUNT_RATE_INVALID.at("discountRate",
                        "discount rate must be above 0 and at most 1.00, with at most 2 decimals (0.95 = 9.5折)");
            }
            e.discountRate = r.discountRate.setScale(2);
        }
    }

    private static TesseraException levelTaken() {
        return MemberErrors.LEVEL_EXISTS.at("threshold", "another level has this name or threshold");
    }

    private static TesseraException notFound(long id) {
        return MemberErrors.LEVEL_NOT_FOUND.error("no level " + id);
    }

    private static Level toDto(LevelEntity e, long members) {
        Level l = new Level();
        l.id = e.id;
        l.name = e.name;
        l.threshold = e.threshold;
        l.discountRate = e.discountRate;
        l.memberCount = members;
        return l;
    }
}
