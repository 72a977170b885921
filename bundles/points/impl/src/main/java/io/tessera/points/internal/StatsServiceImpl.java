package io.tessera.points.internal;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.Role;
import io.tessera.points.api.PointsMonth;
import io.tessera.points.api.PointsStatsService;
import io.tessera.points.api.TopEarner;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Points statistics from PTS_STAT_MONTH and PTS_MEMBER_MONTH ({@link PointsBook}). */
@Component(service = PointsStatsService.class)
public class StatsServiceImpl implements PointsStatsService {

    static final int MAX_MONTHS = 120;

    private final JpaTemplate jpa;
    private final MemberService members;

    @Activate
    public StatsServiceImpl(@Reference(target = "(osgi.unit.name=tessera-points)") JpaTemplate jpa, @Reference MemberService members) {
        this.jpa = jpa;
        this.members = members;
    }

    @Override
    public List<PointsMonth> monthly(String from, String to, Long storeId) {
        Caller caller = CallerContext.current();
        YearMonth first = month("from", from);
        YearMonth last = month("to", to);
        range(first, last);
        if (storeId == null) {
            caller.requireAnyRole(Role.HQ_ADMIN, Role.FINANCE);
        } else {
            caller.requireStore(storeId);
        }
        long row = storeId == null ? PointsBook.CHAIN : storeId;
        return jpa.txExpr(TransactionType.Required, em -> {
            Map<Integer, Object[]> found = new HashMap<>();
            for (Object[] r : em.createQuery("SELECT s.month, s.issued, s.spent, s.released, s.putBack, s.expired, s.takenBack, s.adjusted"
                            + " FROM StatEntity s WHERE s.storeId = :s AND s.month BETWEEN :a AND :b", Object[].class).setParameter("s", row)
                    .setParameter("a", number(first)).setParameter("b", number(last)).getResultList()) {
                found.put((Integer) r[0], r);
            }
            long outstanding = 0;
            if (storeId == null) {
                // What the chain owed at the end of the month before the first: the net of every earlier month.
                for (Object[] r : em.createQuery("SELECT s.issued, s.spent, s.released, s.putBack, s.expired, s.takenBack, s.adjusted"
                        + " FROM StatEntity s WHERE s.storeId = :s AND s.month < :a", Object[].class).setParameter("s", row)
                        .setParameter("a", number(first)).getResultList()) {
                    outstanding += num(r[0]) - num(r[1]) + num(r[2]) + num(r[3]) - num(r[4]) - num(r[5]) + num(r[6]);
                }
            }
            List<PointsMonth> out = new ArrayList<>();
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                Object[] r = found.get(number(m));
                PointsMonth p = new PointsMonth();
                p.month = m.toString();
                if (r != null) {
                    p.issued = num(r[1]);
                    p.spent = num(r[2]);
                    p.released = num(r[3]);
                    p.putBack = num(r[4]);
                    p.expired = num(r[5]);
                    p.takenBack = num(r[6]);
                    p.adjusted = num(r[7]);
                }
                p.net = p.issued - p.spent + p.released + p.putBack - p.expired - p.takenBack + p.adjusted;
                if (storeId == null) {
                    outstanding += p.net;
                    p.outstanding = outstanding;
                }
                out.add(p);
            }
            return out;
        });
    }

    @Override
    public List<TopEarner> topEarners(String from, String to, int size) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN, Role.FINANCE);
        YearMonth first = month("from", from);
        YearMonth last = month("to", to);
        range(first, last);
        if (size < 1 || size > 100) {
            throw PlatformErrors.PAGE_SIZE_INVALID.at("size", "size is 1 to 100");
        }
        List<TopEarner> out = jpa.txExpr(TransactionType.Required, em -> {
            List<TopEarner> rows = new ArrayList<>();
            for (Object[] r : em.createQuery("SELECT m.memberId, SUM(m.earned), SUM(m.spent) FROM MemberMonthEntity m WHERE m.month BETWEEN :a AND :b"
                            + " GROUP BY m.memberId ORDER BY SUM(m.earned) DESC, m.memberId", Object[].class).setParameter("a", number(first))
                    .setParameter("b", number(last)).setMaxResults(size).getResultList()) {
                TopEarner t = new TopEarner();
                t.memberId = (Long) r[0];
                t.earned = num(r[1]);
                t.spent = num(r[2]);
                rows.add(t);
            }
            return rows;
        });
        Map<Long, Member> names = members.lookupAll(out.stream().map(t -> t.memberId).toList());
        out.forEach(t -> t.memberName = names.containsKey(t.memberId) ? names.get(t.memberId).name : null);
        return out;
    }

    private static void range(YearMonth first, YearMonth last) {
        if (first.isAfter(last)) {
            throw PlatformErrors.RANGE_INVALID.at("from", "from is after to");
        }
        if (first.plusMonths(MAX_MONTHS - 1L).isBefore(last)) {
            throw PlatformErrors.RANGE_INVALID.at("to", "at most " + MAX_MONTHS + " months at a time");
        }
    }

    private static YearMonth month(String field, String value) {
        if (value == null || !value.matches("\\d{4}-\\d{2}")) {
            throw PlatformErrors.PARAM_INVALID.at(field, field + " is a month, yyyy-MM");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw PlatformErrors.PARAM_INVALID.at(field, field + " is a month, yyyy-MM");
        }
    }

    private static int number(YearMonth m) {
        return m.getYear() * 100 + m.getMonthValue();
    }

    /** SUM of a BIGINT is a NUMERIC on PostgreSQL: every figure read as a Number. */
    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
