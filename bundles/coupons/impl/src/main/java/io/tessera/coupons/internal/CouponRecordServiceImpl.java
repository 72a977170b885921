package io.tessera.coupons.internal;

import io.tessera.coupons.api.ClaimRecord;
import io.tessera.coupons.api.CouponRecordService;
import io.tessera.coupons.api.MonthlyStat;
import io.tessera.coupons.api.RecordQuery;
import io.tessera.coupons.api.RedemptionRecord;
import io.tessera.coupons.internal.jpa.CouponEntity;
import io.tessera.coupons.internal.jpa.RedemptionEntity;
import io.tessera.coupons.internal.jpa.TemplateEntity;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.jobs.JobService;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The back office's coupon tables: records by page, their export as a job, and the monthly statistics. */
@Component(service = CouponRecordService.class)
public class CouponRecordServiceImpl implements CouponRecordService {

    static final int MAX_MONTHS = 120;

    private final JpaTemplate jpa;
    private final JobService jobs;
    private final Records records;
    private final RecordsExport export;

    @Activate
    public CouponRecordServiceImpl(@Reference(target = "(osgi.unit.name=tessera-coupons)") JpaTemplate jpa, @Reference JobService jobs,
                                   @Reference OrgService org, @Reference MemberService members) {
        this.jpa = jpa;
        this.jobs = jobs;
        this.records = new Records(org, members);
        this.export = new RecordsExport(jpa, records);
    }

    @Override
    public Page<ClaimRecord> claims(RecordQuery q) {
        Caller caller = checked(q);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Page<CouponEntity> page = Records.claims(caller, q).page(em, CouponEntity.class, "c.claimedAt DESC, c.id DESC", q.page, q.size);
            return new Page<>(records.claimRows(em, page.getItems()), page.getPage(), page.getSize(), page.getTotal());
        });
    }

    @Override
    public Page<RedemptionRecord> redemptions(RecordQuery q) {
        Caller caller = checked(q);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Page<RedemptionEntity> page = Records.redemptions(caller, q).page(em, RedemptionEntity.class, "r.usedAt DESC, r.id DESC", q.page,
                    q.size);
            return new Page<>(records.redemptionRows(em, page.getItems()), page.getPage(), page.getSize(), page.getTotal());
        });
    }

    @Override
    public Job exportRedemptions(RecordQuery q, String format) {
        Caller caller = checked(q);
        String f = format == null || format.isBlank() ? "csv" : format.trim().toLowerCase();
        if (!f.equals("csv") && !f.equals("xlsx")) {
            throw PlatformErrors.FIELD_INVALID.at("format", "csv or xlsx");
        }
        boolean xlsx = f.equals("xlsx");
        return jobs.submit(RecordsExport.JOB_TYPE, "Coupon redemption records as " + f.toUpperCase(), null,
                progress -> export.write(caller, q, xlsx, progress));
    }

    @Override
    public List<MonthlyStat> stats(String from, String to, Long templateId, Long storeId, boolean perTemplate) {
        Caller caller = CallerContext.current();
        YearMonth first = month("from", from);
        YearMonth last = month("to", to);
        if (first.isAfter(last)) {
            throw PlatformErrors.RANGE_INVALID.at("from", "from is after to");
        }
        if (first.plusMonths(MAX_MONTHS - 1L).isBefore(last)) {
            throw PlatformErrors.RANGE_INVALID.at("to", "at most " + MAX_MONTHS + " months at a time");
        }
        if (storeId != null) {
            caller.requireStore(storeId);
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            StringBuilder jpql = new StringBuilder("SELECT s.month, " + (perTemplate ? "s.templateId" : "0")
                    + ", SUM(s.claimed), SUM(s.redeemed), SUM(s.discount), SUM(s.returned), SUM(s.returnedDiscount) FROM StatEntity s"
                    + " WHERE s.month BETWEEN :first AND :last");
            Map<String, Object> params = new HashMap<>();
            params.put("first", number(first));
            params.put("last", number(last));
            if (templateId != null) {
                jpql.append(" AND s.templateId = :template");
                params.put("template", templateId);
            }
            if (storeId != null) {
                jpql.append(" AND s.storeId = :store");
                params.put("store", storeId);
            } else if (!caller.seesAllStores()) {
                jpql.append(" AND s.storeId IN :mine");
                params.put("mine", caller.getStoreIds().isEmpty() ? List.of(-2L) : new ArrayList<>(caller.getStoreIds()));
            } else {
                jpql.append(" AND s.storeId = :chain"); // the chain's rows: a few per template and month
                params.put("chain", CouponBook.CHAIN);
            }
            jpql.append(" GROUP BY s.month").append(perTemplate ? ", s.templateId" : "").append(" ORDER BY s.month")
                    .append(perTemplate ? ", s.templateId" : "");
            var query = em.createQuery(jpql.toString(), Object[].class);
            params.forEach(query::setParameter);
            Map<String, MonthlyStat> rows = new TreeMap<>();
            Map<Long, String> names = new HashMap<>();
            for (Object[] r : query.getResultList()) {
                MonthlyStat m = stat(YearMonth.of(((Number) r[0]).intValue() / 100, ((Number) r[0]).intValue() % 100));
                if (perTemplate) {
                    m.templateId = ((Number) r[1]).longValue();
                    m.templateName = names.computeIfAbsent(m.templateId, id -> {
                        TemplateEntity t = em.find(TemplateEntity.class, id);
                        return t == null ? null : t.name;
                    });
                }
                m.claimed = ((Number) r[2]).longValue();
                m.redeemed = ((Number) r[3]).longValue();
                m.discount = Money.of((BigDecimal) r[4]);
                m.returned = ((Number) r[5]).longValue();
                m.returnedDiscount = Money.of((BigDecimal) r[6]);
                rows.put(m.month + "/" + (m.templateId == null ? "" : String.format("%019d", m.templateId)), m);
            }
            if (!perTemplate) {
                for (YearMonth ym = first; !ym.isAfter(last); ym = ym.plusMonths(1)) {
                    rows.putIfAbsent(ym + "/", stat(ym));
                }
            }
            return new ArrayList<>(rows.values());
        });
    }

    private static MonthlyStat stat(YearMonth ym) {
        MonthlyStat m = new MonthlyStat();
        m.month = ym.toString();
        m.discount = Money.ZERO;
        m.returnedDiscount = Money.ZERO;
        return m;
    }

    private static int number(YearMonth ym) {
        return ym.getYear() * 100 + ym.getMonthValue();
    }

    private static YearMonth month(String field, String value) {
        if (value == null || value.isBlank()) {
            throw PlatformErrors.FIELD_REQUIRED.at(field, field + " is a month, yyyy-MM");
        }
        try {
            YearMonth ym = YearMonth.parse(value.trim());
            if (ym.getYear() < 2000 || ym.getYear() > 2999) {
                throw PlatformErrors.FIELD_INVALID.at(field, "a month between 2000-01 and 2999-12");
            }
            return ym;
        } catch (DateTimeParseException e) {
            throw PlatformErrors.FIELD_INVALID.at(field, field + " is a month, yyyy-MM");
        }
    }

    private static Caller checked(RecordQuery q) {
        Caller caller = CallerContext.current();
        Page.check(q.page, q.size);
        if (q.from != null && q.to != null && q.from.isAfter(q.to)) {
            throw PlatformErrors.RANGE_INVALID.at("from", "from is after to");
        }
        if (q.storeId != null) {
            caller.requireStore(q.storeId);
        }
        return caller;
    }
}
