package io.tessera.marketing.internal;

import io.tessera.marketing.api.MarketingErrors;
import io.tessera.marketing.api.Segment;
import io.tessera.marketing.api.SegmentKind;
import io.tessera.marketing.internal.jpa.SendEntity;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberQuery;
import io.tessera.members.api.MemberService;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.TesseraException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * Segments of direct sends: the one place a segment is checked, stored and walked. ALL, LEVEL, STORE and
 * REGISTERED page through the members (the members' own list, newest first); SPEND pages through marketing's own
 * monthly spend (MKT_MEMBER_SPEND) by member id.
 */
final class Segments {

    static final int PAGE = 200;

    private final JpaTemplate jpa;
    private final MemberService members;

    Segments(JpaTemplate jpa, MemberService members) {
        this.jpa = jpa;
        this.members = members;
    }

    /** Checks the segment and writes it into the send's row. */
    static void apply(Segment s, SendEntity e) {
        Checks.required("segment", s);
        SegmentKind kind = Checks.required("segment.kind", s.kind);
        e.segmentKind = kind.name();
        refuseUnless(kind == SegmentKind.LEVEL, "segment.levelId", s.levelId, kind);
        refuseUnless(kind == SegmentKind.STORE, "segment.storeId", s.storeId, kind);
        refuseUnless(kind == SegmentKind.REGISTERED, "segment.from", s.from, kind);
        refuseUnless(kind == SegmentKind.REGISTERED, "segment.to", s.to, kind);
        refuseUnless(kind == SegmentKind.SPEND, "segment.fromMonth", s.fromMonth, kind);
        refuseUnless(kind == SegmentKind.SPEND, "segment.toMonth", s.toMonth, kind);
        refuseUnless(kind == SegmentKind.SPEND, "segment.minSpend", s.minSpend, kind);
        switch (kind) {
            case ALL -> { }
            case LEVEL -> e.levelId = Checks.required("segment.levelId", s.levelId);
            case STORE -> e.storeId = Checks.required("segment.storeId", s.storeId);
            case REGISTERED -> {
                e.fromDay = Checks.required("segment.from", s.from);
                e.toDay = Checks.required("segment.to", s.to);
                if (e.toDay.isBefore(e.fromDay)) {
                    throw invalid("segment.to", "the last day of registration is not before the first");
                }
            }
            case SPEND -> {
                e.fromMonth = month("segment.fromMonth", s.fromMonth);
                e.toMonth = month("segment.toMonth", s.toMonth);
                if (e.toMonth < e.fromMonth) {
                    throw invalid("segment.toMonth", "the last month is not before the first");
                }
                Money min = Checks.required("segment.minSpend", s.minSpend);
                if (!min.isPositive()) {
                    throw invalid("segment.minSpend", "a spend segment asks for more than 0.00");
                }
                e.minSpend = min.toBigDecimal();
            }
        }
    }

    /** A field another kind of segment takes is refused, not ignored (the send would not reach whom the caller thinks). */
    private static void refuseUnless(boolean takes, String field, Object value, SegmentKind kind) {
        if (!takes && value != null) {
            throw invalid(field, "a " + kind + " segment does not take " + field.substring("segment.".length()));
        }
    }

    static Segment dto(SendEntity e) {
        Segment s = new Segment();
        s.kind = SegmentKind.valueOf(e.segmentKind);
        s.levelId = e.levelId;
        s.storeId = e.storeId;
        s.from = e.fromDay;
        s.to = e.toDay;
        s.fromMonth = e.fromMonth == null ? null : String.format("%04d-%02d", e.fromMonth / 100, e.fromMonth % 100);
        s.toMonth = e.toMonth == null ? null : String.format("%04d-%02d", e.toMonth / 100, e.toMonth % 100);
        s.minSpend = e.minSpend == null ? null : Money.of(e.minSpend);
        return s;
    }

    /** One page of the segment's members (page 1, 2 …); fewer than {@link #PAGE} at the end. */
    List<Member> page(SendEntity e, int page, long[] total) {
        if (SegmentKind.SPEND.name().equals(e.segmentKind)) {
            return spenders(e, page, total);
        }
        MemberQuery q = new MemberQuery();
        q.levelId = e.levelId;
        q.storeId = e.storeId;
        q.registeredFrom = e.fromDay;
        q.registeredTo = e.toDay;
        q.page = page;
        q.size = PAGE;
        Page<Member> p = members.list(q);
        total[0] = p.getTotal();
        return p.getItems();
    }

    private List<Member> spenders(SendEntity e, int page, long[] total) {
        List<Long> ids = jpa.txExpr(TransactionType.Required, em -> {
            if (page == 1) {
                // The members who spent anything in the months: at most that many reach the minimum (the job's total).
                total[0] = em.createQuery("SELECT COUNT(DISTINCT s.memberId) FROM MemberSpendEntity s WHERE s.month BETWEEN :f AND :t", Long.class)
                        .setParameter("f", e.fromMonth).setParameter("t", e.toMonth).getSingleResult();
            }
            return em.createQuery("SELECT s.memberId FROM MemberSpendEntity s WHERE s.month BETWEEN :f AND :t GROUP BY s.memberId"
                            + " HAVING SUM(s.paid) >= :min ORDER BY s.memberId", Long.class)
                    .setParameter("f", e.fromMonth).setParameter("t", e.toMonth).setParameter("min", e.minSpend)
                    .setFirstResult((page - 1) * PAGE).setMaxResults(PAGE).getResultList();
        });
        Map<Long, Member> found = members.lookupAll(ids);
        List<Member> out = new ArrayList<>();
        for (long id : ids) {
            Member m = found.get(id);
            if (m != null) {
                out.add(m);
            }
        }
        // A page shorter than PAGE ends the walk: keep its length when a member is gone.
        while (out.size() < ids.size()) {
            out.add(null);
        }
        return out;
    }

    private static int month(String field, String value) {
        try {
            YearMonth m = YearMonth.parse(Checks.required(field, value));
            if (m.getYear() < 2000 || m.getYear() > 2100) {
                throw invalid(field, "a month from 2000-01 to 2100-12");
            }
            return m.getYear() * 100 + m.getMonthValue();
        } catch (DateTimeParseException bad) {
            throw invalid(field, "a month as 2026-11");
        }
    }

    static TesseraException invalid(String field, String message) {
        return MarketingErrors.SEND_INVALID.at(field, message);
    }
}
