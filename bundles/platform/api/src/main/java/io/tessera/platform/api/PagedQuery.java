package io.tessera.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

/**
 * A list as every Tessera list is read: one entity, optional filters, a fixed order, and one page of it with
 * the total across all pages, both from the same FROM and WHERE. Paging is checked here ({@link Page#check}:
 * 1 ≤ page ≤ 1,000,000, 1 ≤ size ≤ 200), so no list can ask for more.
 *
 * <pre>
 * PagedQuery.of("MemberEntity", "m")
 *     .filter(query.levelId, "m.levelId = :level", "level")
 *     .page(em, MemberEntity.class, "m.id DESC", query.page, query.size)
 * </pre>
 */
public final class PagedQuery {

    private final String entity;
    private final String alias;
    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> params = new LinkedHashMap<>();

    private PagedQuery(String entity, String alias) {
        this.entity = entity;
        this.alias = alias;
    }

    /** Rows of {@code entity} (a JPQL entity name), called {@code alias} in conditions and the order. */
    public static PagedQuery of(String entity, String alias) {
        return new PagedQuery(entity, alias);
    }

    /** A condition every row must meet (JPQL over the alias), with the parameters it names. */
    public PagedQuery where(String condition, Object... nameValuePairs) {
        where.append(where.length() == 0 ? " WHERE " : " AND ").append(condition);
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            params.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return this;
    }

    /**
     * {@code condition} with {@code value} as its parameter {@code name}, only when a value is given (a text
     * filter counts as given when not blank, and is trimmed).
     */
    public PagedQuery filter(Object value, String condition, String name) {
        if (value instanceof String text) {
            return text.isBlank() ? this : where(condition, name, text.trim());
        }
        return value == null ? this : where(condition, name, value);
    }

    /** The first {@code max} rows in {@code order}, without a count: for walking a long list by key (an export). */
    public <T> List<T> first(EntityManager em, Class<T> type, String order, int max) {
        TypedQuery<T> select = em.createQuery("SELECT " + alias + " FROM " + entity + " " + alias + where + " ORDER BY " + order, type);
        params.forEach(select::setParameter);
        return select.setMaxResults(max).getResultList();
    }

    /** The page (checked) in {@code order}, and the number of rows on all pages. */
    public <T> Page<T> page(EntityManager em, Class<T> type, String order, int page, int size) {
        int first = Page.offset(page, size);
        String from = " FROM " + entity + " " + alias + where;
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(" + alias + ")" + from, Long.class);
        TypedQuery<T> select = em.createQuery("SELECT " + alias + from + " ORDER BY " + order, type);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        List<T> rows = select.setFirstResult(first).setMaxResults(size).getResultList();
        return new Page<>(rows, page, size, count.getSingleResult());
    }
}
