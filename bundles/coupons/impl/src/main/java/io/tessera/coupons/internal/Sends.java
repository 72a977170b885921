package io.tessera.coupons.internal;

import io.tessera.coupons.api.Coupon;
import io.tessera.coupons.api.CouponErrors;
import io.tessera.coupons.api.Requests;
import io.tessera.coupons.api.SendResult;
import io.tessera.coupons.internal.jpa.CouponEntity;
import io.tessera.coupons.internal.jpa.TemplateEntity;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberQuery;
import io.tessera.members.api.MemberService;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.DbErrors;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.jobs.JobProgress;
import io.tessera.platform.api.jobs.JobService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * Sending coupons to members (定向发券): each member's coupon in a transaction of its own, named by the
 * send's key and the member (CPN_COUPON.ISSUE_KEY), so a retry or a resubmitted job never sends a member a
 * second coupon, and one member over a limit does not stop the others. Listed members are answered at once;
 * a segment (level, registered store, everyone) walks the members page by page as a job with progress.
 */
final class Sends {

    static final String JOB_TYPE = "coupons.send";
    private static final int PAGE = 200;

    private final JpaTemplate jpa;
    private final MemberService members;
    private final JobService jobs;
    private final CouponServiceImpl issuer;

    Sends(JpaTemplate jpa, MemberService members, JobService jobs, CouponServiceImpl issuer) {
        this.jpa = jpa;
        this.members = members;
        this.jobs = jobs;
        this.issuer = issuer;
    }

    SendResult send(Caller caller, Requests.Send r, String key) {
        caller.requireAnyRole(Role.HQ_ADMIN, Role.STORE_MANAGER);
        long templateId = Checks.required("templateId", r.templateId);
        boolean ignoreLimits = Boolean.TRUE.equals(r.ignoreMemberLimits);
        if (ignoreLimits && !caller.seesAllStores()) {
            throw TesseraException.forbidden("only headquarters send beyond the members' limits");
        }
        TemplateEntity t = jpa.txExpr(TransactionType.Supports, em -> Templates.row(em, templateId));
        if (t.ownerStoreId == null ? !caller.seesAllStores() : !caller.canAccessStore(t.ownerStoreId)) {
            throw TesseraException.forbidden("a store sends its own templates' coupons; headquarters send headquarters'");
        }
        int segments = (r.levelId != null ? 1 : 0) + (r.registeredStoreId != null ? 1 : 0) + (Boolean.TRUE.equals(r.allMembers) ? 1 : 0);
        boolean listed = r.memberIds != null && !r.memberIds.isEmpty();
        if (segments + (listed ? 1 : 0) != 1) {
            throw CouponErrors.COUPON_SEND_INVALID.at("memberIds", "a send names members, or one segment: levelId, registeredStoreId or allMembers");
        }
        String prefix = "send:" + digest(caller.identity() + "|" + key + "|" + templateId) + ":";
        SendResult result = new SendResult();
        result.templateId = templateId;
        if (listed) {
            if (r.memberIds.size() > Requests.MAX_SEND_MEMBERS) {
                throw CouponErrors.COUPON_SEND_INVALID.at("memberIds", "at most " + Requests.MAX_SEND_MEMBERS
                        + " members at once: send a segment for more");
            }
            result.target = "MEMBERS";
            result.sent = new ArrayList<>();
            result.refused = new ArrayList<>();
            for (int i = 0; i < r.memberIds.size(); i++) {
                long memberId = Checks.required("memberIds[" + i + "]", r.memberIds.get(i));
                try {
                    result.sent.add(one(templateId, memberId, prefix, caller, ignoreLimits));
                } catch (TesseraException e) {
                    SendResult.Refused no = new SendResult.Refused();
                    no.memberId = memberId;
                    no.code = e.getCode();
                    no.message = e.getMessage();
                    result.refused.add(no);
                }
            }
            return result;
        }
        if (r.registeredStoreId != null) {
            caller.requireStore(r.registeredStoreId);
        }
        MemberQuery q = new MemberQuery();
        q.levelId = r.levelId;
        q.storeId = r.registeredStoreId;
        result.target = r.levelId != null ? "LEVEL" : r.registeredStoreId != null ? "STORE" : "ALL";
        String what = "Coupons of template " + templateId + " to " + (r.levelId != null ? "level " + r.levelId
                : r.registeredStoreId != null ? "the members of store " + r.registeredStoreId : "every member");
        // Submitted outside any transaction (a job started inside one may look for its row before it is committed): a retry
        // with the same key starts another job, which sends each member's coupon once per key all the same.
        result.job = jobs.submit(JOB_TYPE, what, String.valueOf(templateId), progress -> segment(q, templateId, prefix, caller, ignoreLimits,
                progress));
        return result;
    }

    private String segment(MemberQuery q, long templateId, String prefix, Caller caller, boolean ignoreLimits, JobProgress progress) {
        Map<String, Long> refused = new TreeMap<>();
        long sent = 0;
        long seen = 0;
        LinkedHashSet<Long> done = new LinkedHashSet<>();
        for (int page = 1; ; page++) {
            q.page = page;
            q.size = PAGE;
            Page<Member> p = members.list(q);
            progress.total(p.getTotal());
            for (Member m : p.getItems()) {
                if (!done.add(m.id)) {
                    continue; // a new member moved the pages: already seen
                }
                seen++;
                if (m.status != Member.Status.ACTIVE) {
                    refused.merge("MEMBER_RETURNED", 1L, Long::sum);
                } else {
                    try {
                        one(templateId, m.id, prefix, caller, ignoreLimits);
                        sent++;
                    } catch (TesseraException e) {
                        String code = e.getCode();
                        refused.merge(code, 1L, Long::sum);
                        if (code.equals(CouponErrors.COUPON_OUT_OF_STOCK.code()) || code.equals(CouponErrors.COUPON_TEMPLATE_NOT_ACTIVE.code())) {
                            progress.counter("sent", sent);
                            return sent + " coupon(s) sent, then stopped: " + e.getMessage();
                        }
                    }
                }
                progress.done(seen);
                progress.counter("sent", sent);
                refused.forEach(progress::counter);
            }
            if (p.getItems().size() < PAGE) {
                return sent + " coupon(s) sent to " + seen + " member(s)" + (refused.isEmpty() ? "" : "; not sent: " + refused);
            }
        }
    }

    /** One member's coupon, in a transaction of its own; the same coupon again for a key and member already sent. */
    private Coupon one(long templateId, long memberId, String prefix, Caller caller, boolean ignoreLimits) {
        String issueKey = prefix + memberId;
        try {
            return jpa.txExpr(TransactionType.Required, em -> issuer.issue(em, templateId, memberId, "SEND", null, "HQ", issueKey,
                    caller.label(), !ignoreLimits));
        } catch (RuntimeException e) {
            if (!DbErrors.isUniqueViolation(e)) {
                throw e;
            }
            // the same send running at once made this member's coupon first: it is the answer
            return jpa.txExpr(TransactionType.Required, em -> {
                CouponEntity c = em.createQuery("SELECT c FROM CouponEntity c WHERE c.issueKey = :k", CouponEntity.class)
                        .setParameter("k", issueKey).getSingleResult();
                return Coupons.dto(c, Templates.row(em, c.templateId));
            });
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
