package io.tessera.points.internal;

import io.tessera.points.api.PointsCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;

/**
 * The invariants of {@link PointsPostings}, checked over the whole books with a few grouped queries: each
 * account's AVAILABLE and PENDING equal the sums of its journal and of its ACTIVE and PENDING lots, its journal
 * sequence runs 1..ENTRY_COUNT, each lot's REMAINING equals the sum of its moves, no lot is below 0 but the debt lot.
 */
final class Books {

    private static final int MAX = 100;

    private Books() {
    }

    static PointsCheck check(EntityManager em) {
        PointsCheck c = new PointsCheck();
        List<String> v = new ArrayList<>();
        Map<Long, long[]> journal = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT j.accountId, SUM(j.availableDelta), SUM(j.pendingDelta), COUNT(j), MAX(j.accountSeq)"
                + " FROM JournalEntity j GROUP BY j.accountId", Object[].class).getResultList()) {
            journal.put((Long) r[0], new long[] {num(r[1]), num(r[2]), num(r[3]), num(r[4])});
        }
        Map<Long, long[]> lots = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT l.accountId, l.status, SUM(l.remaining) FROM LotEntity l GROUP BY l.accountId, l.status",
                Object[].class).getResultList()) {
            long[] sums = lots.computeIfAbsent((Long) r[0], k -> new long[2]);
            if ("ACTIVE".equals(r[1])) {
                sums[0] += num(r[2]);
            } else if ("PENDING".equals(r[1])) {
                sums[1] += num(r[2]);
            } else if (num(r[2]) != 0) {
                add(v, "account " + r[0] + ": its " + r[1] + " lots hold " + num(r[2]) + " points");
            }
        }
        for (Object[] r : em.createQuery("SELECT a.id, a.available, a.pending, a.entryCount FROM AccountEntity a", Object[].class).getResultList()) {
            long id = (Long) r[0];
            long available = num(r[1]);
            long pending = num(r[2]);
            long count = num(r[3]);
            long[] j = journal.getOrDefault(id, new long[4]);
            long[] l = lots.getOrDefault(id, new long[2]);
            if (available != j[0] || pending != j[1]) {
                add(v, "account " + id + ": balance " + available + "/" + pending + " but journal " + j[0] + "/" + j[1]);
            }
            if (available != l[0] || pending != l[1]) {
                add(v, "account " + id + ": balance " + available + "/" + pending + " but lots " + l[0] + "/" + l[1]);
            }
            if (j[2] != count || j[3] != count) {
                add(v, "account " + id + ": " + j[2] + " journal rows up to " + j[3] + ", entry count " + count);
            }
            c.accounts++;
            c.outstanding += available + pending;
        }
        for (Object[] r : em.createQuery("SELECT l.id, l.remaining, l.source, (SELECT COALESCE(SUM(m.delta), 0) FROM LotMoveEntity m"
                + " WHERE m.lotId = l.id) FROM LotEntity l", Object[].class).getResultList()) {
            long remaining = num(r[1]);
            if (remaining != num(r[3])) {
                add(v, "lot " + r[0] + ": remaining " + remaining + " but moves " + num(r[3]));
            }
            if ("DEBT".equals(r[2]) ? remaining > 0 : remaining < 0) {
                add(v, "lot " + r[0] + " (" + r[2] + ") holds " + remaining);
            }
            c.lots++;
        }
        c.entries = journal.values().stream().mapToLong(x -> x[2]).sum();
        c.violations = v;
        return c;
    }

    private static void add(List<String> v, String s) {
        if (v.size() < MAX) {
            v.add(s);
        }
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
