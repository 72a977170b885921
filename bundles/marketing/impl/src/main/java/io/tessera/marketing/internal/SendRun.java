package io.tessera.marketing.internal;

import io.tessera.coupons.api.CouponErrors;
import io.tessera.marketing.api.MarketingErrors;
import io.tessera.marketing.api.RewardRole;
import io.tessera.marketing.api.RewardState;
import io.tessera.marketing.internal.jpa.RewardEntity;
import io.tessera.marketing.internal.jpa.SendEntity;
import io.tessera.members.api.Member;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.jobs.JobProgress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The job of a send: walks the segment page by page; for each member, in a transaction of its own, takes one of the
 * activity's budget and of the member's limit and writes the rewards (keys "send:&lt;send&gt;:&lt;member&gt;:&lt;reward&gt;"),
 * then gives them at once. A member the send already rewarded (an earlier run of it) is counted, not rewarded again.
 * The activity's budget used up, the activity no longer running, or its coupon out of stock stops the send (STOPPED,
 * the reason kept; it may be resumed, and the rewards an earlier run had refused are tried again). The result file
 * lists every member reached: REWARDED, PENDING (a reward waits for its domain to be installed) or SKIPPED, with the code.
 */
final class SendRun {

    static final String[] HEADER = {"会员号 memberNo", "会员ID memberId", "结果 outcome", "代码 code", "说明 message"};

    private final JpaTemplate jpa;
    private final Segments segments;
    private final Occasions occasions;
    private final RewardDelivery delivery;

    SendRun(JpaTemplate jpa, Segments segments, Occasions occasions, RewardDelivery delivery) {
        this.jpa = jpa;
        this.segments = segments;
        this.occasions = occasions;
        this.delivery = delivery;
    }

    /** What happened to one member: REWARDED, PENDING (a reward waits for its domain) or SKIPPED (code and message say why). */
    private record Outcome(String result, String code, String message, boolean stops) {

        static Outcome skipped(String code, String message, boolean stops) {
            return new Outcome("SKIPPED", code, message, stops);
        }
    }

    /** Another run of the same send wrote this member's rewards first (seen once the activity row was locked). */
    private static final class AlreadyRewarded extends RuntimeException {
        AlreadyRewarded() {
            super(null, null, false, false);
        }
    }

    String run(long sendId, JobProgress progress) throws IOException {
        SendEntity send = jpa.txExpr(TransactionType.Required, em -> SendServiceImpl.find(em, sendId));
        Path file = progress.resultFile("send-" + sendId + ".csv", "text/csv");
        long reached = 0;
        long rewarded = 0;
        long pending = 0;
        Map<String, Long> skipped = new TreeMap<>();
        Set<Long> seen = new HashSet<>();
        String stoppedBy = null;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).build());
            long[] total = {0};
            walk:
            for (int page = 1; ; page++) {
                List<Member> members = segments.page(send, page, total);
                progress.total(total[0]);
                Activities.Loaded activity = jpa.txExpr(TransactionType.Required, em -> Activities.load(em, Activities.find(em, send.activityId)));
                for (Member m : members) {
                    if (m == null || !seen.add(m.id)) {
                        continue; // gone, or met again on a page that moved
                    }
                    reached++;
                    Outcome o = reward(send, activity, m);
                    if (o.result().equals("SKIPPED")) {
                        skipped.merge(o.code(), 1L, Long::sum);
                    } else {
                        rewarded++;
                        pending += o.result().equals("PENDING") ? 1 : 0;
                    }
                    csv.printRecord(m.memberNo, m.id, o.result(), o.code() == null ? "" : o.code(), o.message() == null ? "" : o.message());
                    progress.counter("pending", pending);
                    progress.done(reached);
                    progress.counter("rewarded", rewarded);
                    skipped.forEach((code, n) -> progress.counter("skipped:" + code, n));
                    if (o.stops()) {
                        stoppedBy = o.code() + ": " + o.message();
                        break walk;
                    }
                }
                if (members.size() < Segments.PAGE) {
                    break;
                }
            }
            csv.flush();
        }
        long skippedAll = skipped.values().stream().mapToLong(Long::longValue).sum();
        String waiting = pending == 0 ? "" : " (" + pending + " waiting for coupons or points to be installed)";
        String message = stoppedBy != null ? "stopped after " + reached + " member(s): " + stoppedBy
                : rewarded + " member(s) rewarded of " + reached + " reached" + waiting + (skipped.isEmpty() ? "" : "; skipped: " + skipped);
        long reachedAll = reached;
        long rewardedAll = rewarded;
        boolean stopped = stoppedBy != null;
        jpa.tx(TransactionType.Required, em -> {
            SendEntity e = SendServiceImpl.find(em, sendId);
            e.state = stopped ? "STOPPED" : "DONE";
            e.reached = reachedAll;
            e.rewarded = rewardedAll;
            e.skipped = skippedAll;
            e.message = message.length() > 500 ? message.substring(0, 500) : message;
            e.finishedAt = BusinessTime.now();
        });
        return message;
    }

    private Outcome reward(SendEntity send, Activities.Loaded activity, Member m) {
        if (m.status != Member.Status.ACTIVE) {
            return Outcome.skipped("MEMBER_RETURNED", "the member's card was returned", false);
        }
        String prefix = "send:" + send.id + ":" + m.id;
        List<Long> intents;
        try {
            intents = jpa.txExpr(TransactionType.Required, em -> {
                List<Long> earlier = ids(em, prefix);
                if (!earlier.isEmpty()) {
                    // An earlier run's rewards; those refused (e.g. out of stock, since restocked) get another try.
                    em.createQuery("UPDATE RewardEntity r SET r.state = 'PENDING', r.nextAt = :now, r.attempts = 0, r.code = NULL, r.message = NULL"
                            + " WHERE r.deliveryKey LIKE :k AND r.state = 'REFUSED'").setParameter("now", BusinessTime.now())
                            .setParameter("k", prefix + ":%").executeUpdate();
                    return earlier;
                }
                MarketingErrors refusal = occasions.take(em, activity, m.registeredStoreId);
                if (refusal != null) {
                    throw refusal.error(refusal == MarketingErrors.ACTIVITY_BUDGET_EXHAUSTED ? "the activity's budget is used up"
                            : "the activity does not run now for store " + m.registeredStoreId);
                }
                // The activity row is locked now: a second run of this send that came first has committed its rewards.
                if (!ids(em, prefix).isEmpty()) {
                    throw new AlreadyRewarded();
                }
                if (!occasions.countMember(em, activity, m.id)) {
                    throw MarketingErrors.ACTIVITY_MEMBER_LIMIT_REACHED.error("the member had the activity's rewards " + activity.activity().perMemberLimit
                            + " time(s)");
                }
                occasions.intents(em, activity, RewardRole.RECIPIENT, m.id, m.registeredStoreId, prefix, "send:" + send.id);
                return ids(em, prefix);
            });
        } catch (AlreadyRewarded first) {
            intents = jpa.txExpr(TransactionType.Required, em -> ids(em, prefix));
        } catch (TesseraException refused) {
            // Out of the activity's stores: this member is skipped; otherwise the activity stopped rewarding: so does the send.
            boolean outOfStores = !activity.storeIds().isEmpty() && !activity.storeIds().contains(m.registeredStoreId);
            boolean stops = refused.getCode().equals(MarketingErrors.ACTIVITY_BUDGET_EXHAUSTED.code())
                    || refused.getCode().equals(MarketingErrors.ACTIVITY_NOT_ACTIVE.code()) && !outOfStores;
            return Outcome.skipped(refused.getCode(), refused.getMessage(), stops);
        }
        boolean waiting = false;
        int given = 0;
        for (long id : intents) {
            RewardState state = delivery.deliver(id);
            if (state == RewardState.REFUSED) {
                RewardEntity r = jpa.txExpr(TransactionType.Required, em -> em.find(RewardEntity.class, id));
                boolean stops = CouponErrors.COUPON_OUT_OF_STOCK.code().equals(r.code) || CouponErrors.COUPON_TEMPLATE_NOT_ACTIVE.code().equals(r.code);
                return Outcome.skipped(r.code, (given > 0 ? given + " of its rewards given, then: " : "") + r.message, stops);
            }
            waiting |= state == RewardState.PENDING;
            given += state == RewardState.DONE ? 1 : 0;
        }
        return waiting ? new Outcome("PENDING", MarketingErrors.REWARD_DOMAIN_NOT_INSTALLED.code(), "given once coupons or points are installed", false)
                : new Outcome("REWARDED", null, null, false);
    }

    private static List<Long> ids(EntityManager em, String prefix) {
        return em.createQuery("SELECT r.id FROM RewardEntity r WHERE r.deliveryKey LIKE :k ORDER BY r.id", Long.class)
                .setParameter("k", prefix + ":%").getResultList();
    }
}
