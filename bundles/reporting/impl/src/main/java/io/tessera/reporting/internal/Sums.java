package io.tessera.reporting.internal;

import io.tessera.reporting.api.ReportQuery;
import io.tessera.reporting.internal.rules.Periods;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.Query;

/** How every report reads the read model's sums (RPT_PAY_SUM, RPT_WALLET_SUM, RPT_METRIC_SUM, alias {@code s}). */
final class Sums {

    private Sums() {
    }

    /** Sums over the fewest day and month rows that cover the query's days, in the stores (null: all). */
    static List<Object[]> rows(EntityManager em, String select, ReportQuery q, List<Long> stores, String filter, String group) {
        return rows(em, select, Periods.cover(q.from, q.to), q, stores, filter, group);
    }

    /**
     * One query per range (grain and period range: an index range scan of the sums' unique key; an OR of ranges would
     * scan the table), its rows merged by the grouped columns.
     */
    static List<Object[]> rows(EntityManager em, String select, List<Periods.Range> ranges, ReportQuery q, List<Long> stores, String filter,
                                       String group) {
        int keys = group.split(",").length;
        Map<List<Object>, Object[]> merged = new java.util.LinkedHashMap<>();
        String where = " WHERE s.grain = :g AND s.period BETWEEN :a AND :b" + (stores == null ? "" : " AND s.storeId IN :stores")
                + (filter == null ? "" : filter);
        for (Periods.Range range : ranges) {
            Query query = em.createQuery(select + where + group).setParameter("g", range.grain()).setParameter("a", range.from())
                    .setParameter("b", range.to());
            if (stores != null) {
                query.setParameter("stores", stores);
            }
            if (filter != null && filter.contains(":method")) {
                query.setParameter("method", q.method.name());
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query.getResultList();
            for (Object[] row : rows) {
                Object[] into = merged.computeIfAbsent(java.util.Arrays.asList(row).subList(0, keys), k -> {
                    Object[] fresh = row.clone();
                    for (int i = keys; i < fresh.length; i++) {
                        fresh[i] = BigDecimal.ZERO;
                    }
                    return fresh;
                });
                for (int i = keys; i < row.length; i++) {
                    into[i] = ((BigDecimal) into[i]).add(decimal(row[i]));
                }
            }
        }
        return new java.util.ArrayList<>(merged.values());
    }

    static long count(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static BigDecimal decimal(Object o) {
        return o == null ? BigDecimal.ZERO : o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }
}
