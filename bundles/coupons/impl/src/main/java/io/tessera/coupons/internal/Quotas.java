package io.tessera.coupons.internal;

import io.tessera.coupons.api.CouponErrors;
import io.tessera.coupons.api.TemplateStatus;
import io.tessera.coupons.internal.jpa.TemplateEntity;
import io.tessera.platform.api.DbErrors;
import io.tessera.platform.api.work.UnitOfWork;
import java.sql.Date;
import java.time.LocalDate;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * The limits of a template, each one conditional update under its row's lock — never count-then-insert:
 * the member's claims today (CPN_QUOTA_DAY), the member's claims in all (CPN_QUOTA_MEMBER), then the
 * template's stock (CPN_TEMPLATE.ISSUED below STOCK), always in that order so claims never deadlock each
 * other. A refusal throws, and the transaction's earlier increments roll back with it. A member's quota
 * row is created once, apart (its own short transaction), the first time they claim from a template.
 */
final class Quotas {

    private final JpaTemplate jpa;
    private final UnitOfWork work;

    Quotas(JpaTemplate jpa, UnitOfWork work) {
        this.jpa = jpa;
        this.work = work;
    }

    /** Counts one coupon of the template for the member on the day, or refuses with the limit that is reached. */
    void take(EntityManager em, TemplateEntity t, long memberId, LocalDate day, boolean memberLimits) {
        if (memberLimits && t.perDayLimit != null) {
            String update = "UPDATE CPN_QUOTA_DAY SET CLAIMED = CLAIMED + 1 WHERE TEMPLATE_ID = ? AND MEMBER_ID = ? AND CLAIM_DAY = ? AND CLAIMED < ?";
            String insert = "INSERT INTO CPN_QUOTA_DAY (TEMPLATE_ID, MEMBER_ID, CLAIM_DAY, CLAIMED) VALUES (?, ?, ?, 0)";
            if (!count(em, update, insert, t.perDayLimit, t.id, memberId, Date.valueOf(day))) {
                throw CouponErrors.COUPON_DAILY_LIMIT_REACHED.at("templateId", "the member has had " + t.perDayLimit
                        + " coupon(s) of template " + t.id + " today, its daily limit");
            }
        }
        if (memberLimits && t.perMemberLimit != null) {
            String update = "UPDATE CPN_QUOTA_MEMBER SET CLAIMED = CLAIMED + 1 WHERE TEMPLATE_ID = ? AND MEMBER_ID = ? AND CLAIMED < ?";
            String insert = "INSERT INTO CPN_QUOTA_MEMBER (TEMPLATE_ID, MEMBER_ID, CLAIMED) VALUES (?, ?, 0)";
            if (!count(em, update, insert, t.perMemberLimit, t.id, memberId, null)) {
                throw CouponErrors.COUPON_MEMBER_LIMIT_REACHED.at("templateId", "the member has had " + t.perMemberLimit
                        + " coupon(s) of template " + t.id + ", its limit per member");
            }
        }
        int issued = em.createNativeQuery("UPDATE CPN_TEMPLATE SET ISSUED = ISSUED + 1 WHERE ID = ? AND STATUS = ?"
                        + " AND (STOCK IS NULL OR ISSUED < STOCK)")
                .setParameter(1, t.id).setParameter(2, TemplateStatus.ACTIVE.name()).executeUpdate();
        if (issued == 0) {
            em.refresh(t);
            if (!TemplateStatus.ACTIVE.name().equals(t.status)) {
                throw CouponErrors.COUPON_TEMPLATE_NOT_ACTIVE.at("templateId", "template " + t.id + " is " + t.status + ": no new coupons");
            }
            throw CouponErrors.COUPON_OUT_OF_STOCK.at("templateId", "all " + t.stock + " coupons of template " + t.id + " are issued");
        }
    }

    /** One conditional increment; the row is made (apart) if the member has none yet. False: the limit is reached. */
    private boolean count(EntityManager em, String update, String insert, int limit, long templateId, long memberId, Date day) {
        for (int attempt = 0; attempt < 2; attempt++) {
            var q = em.createNativeQuery(update).setParameter(1, templateId).setParameter(2, memberId);
            if (day != null) {
                q.setParameter(3, day).setParameter(4, limit);
            } else {
                q.setParameter(3, limit);
            }
            if (q.executeUpdate() == 1) {
                return true;
            }
            if (attempt == 1) {
                return false;
            }
            if (exists(em, templateId, memberId, day)) {
                // Made by a concurrent first claim after this update looked: count again (not a refusal).
                continue;
            }
            work.apart(() -> {
                try {
                    jpa.tx(TransactionType.Required, other -> {
                        var row = other.createNativeQuery(insert).setParameter(1, templateId).setParameter(2, memberId);
                        if (day != null) {
                            row.setParameter(3, day);
                        }
                        row.executeUpdate();
                    });
                } catch (RuntimeException e) {
                    if (!DbErrors.isUniqueViolation(e)) {
                        throw e; // another claim made the row first: fine; anything else is a real failure
                    }
                }
                return null;
            });
        }
        return false;
    }

    private static boolean exists(EntityManager em, long templateId, long memberId, Date day) {
        String sql = day == null ? "SELECT COUNT(*) FROM CPN_QUOTA_MEMBER WHERE TEMPLATE_ID = ? AND MEMBER_ID = ?"
                : "SELECT COUNT(*) FROM CPN_QUOTA_DAY WHERE TEMPLATE_ID = ? AND MEMBER_ID = ? AND CLAIM_DAY = ?";
        var q = em.createNativeQuery(sql).setParameter(1, templateId).setParameter(2, memberId);
        if (day != null) {
            q.setParameter(3, day);
        }
        return ((Number) q.getSingleResult()).longValue() > 0;
    }
}
