package io.tessera.coupons.internal;

import io.tessera.coupons.api.CouponErrors;
import io.tessera.coupons.api.CouponKind;
import io.tessera.coupons.api.CouponTemplate;
import io.tessera.coupons.api.RedeemChannel;
import io.tessera.coupons.api.Scope;
import io.tessera.coupons.api.SingleItemMode;
import io.tessera.coupons.api.TemplateStatus;
import io.tessera.coupons.internal.jpa.ScopeEntity;
import io.tessera.coupons.internal.jpa.TemplateEntity;
import io.tessera.coupons.internal.rules.Terms;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Money;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

/**
 * A template as the rest of the domain reads it: the row with its lists, where it applies, its terms for
 * pricing, and its DTO. Plain static helpers over one EntityManager.
 */
final class Templates {

    /** A template row with its store, format and SKU lists. */
    record Loaded(TemplateEntity row, List<Long> storeIds, List<String> formatCodes, List<String> skus) {

        /** A store's own template applies in that store only; headquarters' everywhere, or in the listed stores and formats. */
        boolean usableIn(long storeId, String formatCode) {
            if (row.ownerStoreId != null) {
                return row.ownerStoreId == storeId;
            }
            return Scope.ALL.name().equals(row.storeScope) || storeIds.contains(storeId)
                    || formatCode != null && formatCodes.contains(formatCode);
        }

        boolean redeemableVia(String channel) {
            return channel == null || Arrays.asList(row.channels.split(",")).contains(channel);
        }

        Terms terms(String couponNo) {
            Set<CouponKind> stack = row.stackKinds.isEmpty() ? EnumSet.noneOf(CouponKind.class)
                    : Arrays.stream(row.stackKinds.split(",")).map(CouponKind::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(CouponKind.class)));
            return new Terms(couponNo, CouponKind.valueOf(row.kind), row.value == null ? 0 : Money.of(row.value).toFen(),
                    row.singleMode == null ? null : SingleItemMode.valueOf(row.singleMode), row.rate,
                    row.cap == null ? null : Money.of(row.cap).toFen(), Money.of(row.minSpend).toFen(), row.maxUnits,
                    Scope.valueOf(row.productScope), new HashSet<>(skus), stack, row.stackWithLevel);
        }
    }

    private Templates() {
    }

    static TemplateEntity row(EntityManager em, long id) {
        TemplateEntity t = em.find(TemplateEntity.class, id);
        if (t == null) {
            throw CouponErrors.COUPON_TEMPLATE_NOT_FOUND.at("templateId", "no coupon template " + id);
        }
        return t;
    }

    static Loaded load(EntityManager em, TemplateEntity t) {
        return loaded(t, em.createQuery("SELECT s FROM ScopeEntity s WHERE s.templateId = :t ORDER BY s.id", ScopeEntity.class)
                .setParameter("t", t.id).getResultList());
    }

    private static Loaded loaded(TemplateEntity t, List<ScopeEntity> scopes) {
        List<Long> stores = new ArrayList<>();
        List<String> formats = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        for (ScopeEntity s : scopes) {
            switch (s.type) {
                case ScopeEntity.STORE -> stores.add(Long.valueOf(s.value));
                case ScopeEntity.FORMAT -> formats.add(s.value);
                default -> skus.add(s.value);
            }
        }
        return new Loaded(t, stores, formats, skus);
    }

    /** A page of templates with their lists, read in one query. */
    static List<Loaded> loadAll(EntityManager em, List<TemplateEntity> rows) {
        Map<Long, List<ScopeEntity>> scopes = new HashMap<>();
        if (!rows.isEmpty()) {
            for (ScopeEntity s : em.createQuery("SELECT s FROM ScopeEntity s WHERE s.templateId IN :ids ORDER BY s.id", ScopeEntity.class)
                    .setParameter("ids", rows.stream().map(t -> t.id).toList()).getResultList()) {
                scopes.computeIfAbsent(s.templateId, k -> new ArrayList<>()).add(s);
            }
        }
        List<Loaded> list = new ArrayList<>();
        for (TemplateEntity t : rows) {
            list.add(loaded(t, scopes.getOrDefault(t.id, List.of())));
        }
        return list;
    }

    /** Replaces a template's lists. */
    static void saveLists(EntityManager em, long templateId, TemplateForm.Lists lists) {
        em.createQuery("DELETE FROM ScopeEntity s WHERE s.templateId = :t").setParameter("t", templateId).executeUpdate();
        for (Long id : lists.storeIds()) {
            em.persist(scope(templateId, ScopeEntity.STORE, String.valueOf(id)));
        }
        for (String f : lists.formatCodes()) {
            em.persist(scope(templateId, ScopeEntity.FORMAT, f));
        }
        for (String sku : lists.skus()) {
            em.persist(scope(templateId, ScopeEntity.SKU, sku));
        }
    }

    private static ScopeEntity scope(long templateId, String type, String value) {
        ScopeEntity s = new ScopeEntity();
        s.templateId = templateId;
        s.type = type;
        s.value = value;
        return s;
    }

    static CouponTemplate dto(Loaded l) {
        TemplateEntity e = l.row();
        CouponTemplate t = new CouponTemplate();
        t.id = e.id;
        t.name = e.name;
        t.description = e.description;
        t.kind = CouponKind.valueOf(e.kind);
        t.ownerStoreId = e.ownerStoreId;
        t.value = e.value == null ? null : Money.of(e.value);
        t.singleItemMode = e.singleMode == null ? null : SingleItemMode.valueOf(e.singleMode);
        t.discountRate = e.rate;
        t.discountCap = e.cap == null ? null : Money.of(e.cap);
        t.minSpend = Money.of(e.minSpend);
        t.maxUnits = e.maxUnits;
        t.storeScope = Scope.valueOf(e.storeScope);
        t.storeIds = l.storeIds();
        t.formatCodes = l.formatCodes();
        t.productScope = Scope.valueOf(e.productScope);
        t.skus = l.skus();
        t.validity = CouponTemplate.Validity.valueOf(e.validity);
        t.validFrom = e.validFrom;
        t.validTo = e.validTo;
        t.validDays = e.validDays;
        t.startDelayDays = e.startDelayDays;
        t.stock = e.stock;
        t.issued = e.issued;
        t.perMemberLimit = e.perMemberLimit;
        t.perDayLimit = e.perDayLimit;
        t.giftable = e.giftable;
        t.pointsExchangeable = e.pointsExchangeable;
        t.pointsPrice = e.pointsPrice;
        t.channels = Arrays.stream(e.channels.split(",")).map(RedeemChannel::valueOf).toList();
        t.stackKinds = e.stackKinds.isEmpty() ? List.of() : Arrays.stream(e.stackKinds.split(",")).map(CouponKind::valueOf).toList();
        t.stackWithLevel = e.stackWithLevel;
        t.status = TemplateStatus.valueOf(e.status);
        t.createdBy = e.createdBy;
        t.createdAt = BusinessTime.offset(e.createdAt);
        t.updatedAt = BusinessTime.offset(e.updatedAt);
        return t;
    }
}
