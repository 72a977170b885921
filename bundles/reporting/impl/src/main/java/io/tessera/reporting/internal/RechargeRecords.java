package io.tessera.reporting.internal;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PagedQuery;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.Phones;
import io.tessera.reporting.api.RechargeRecord;
import io.tessera.reporting.api.ReportQuery;
import io.tessera.reporting.internal.jpa.WalletFact;
import io.tessera.reporting.internal.rules.Periods;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 充值明细: which journal rows a query selects (RECHARGE and REVERSAL, days, stores, method, order no) and how a batch
 * of them is named — members looked up once per batch, stores once per page or export, never per row; phones masked for
 * store roles.
 * The page and the export both read them here.
 */
final class RechargeRecords {

    private final OrgService org;
    private final MemberService members;

    RechargeRecords(OrgService org, MemberService members) {
        this.org = org;
        this.members = members;
    }

    static PagedQuery select(ReportQuery q, List<Long> stores) {
        return PagedQuery.of("WalletFact", "f").where("f.type IN ('RECHARGE', 'REVERSAL')")
                .where("f.day BETWEEN :a AND :b", "a", Periods.day(q.from), "b", Periods.day(q.to))
                .filter(stores, "f.storeId IN :stores", "stores")
                .filter(q.method == null ? null : q.method.name(), "f.method = :method", "method")
                .filter(q.orderNo, "f.reference = :ref", "ref");
    }

    /** The stores the caller sees, by id: asked once per page, or once for a whole export. */
    Map<Long, Store> shops() {
        return org.listStores(null).stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
    }

    List<RechargeRecord> named(List<WalletFact> rows, Caller caller, Map<Long, Store> shops) {
        Map<Long, Member> people = members.lookupAll(rows.stream().map(f -> f.memberId).filter(Objects::nonNull).distinct().toList());
        boolean mask = !caller.seesAllStores();
        return rows.stream().map(f -> record(f, people.get(f.memberId), shops.get(f.storeId), mask)).toList();
    }

    private static RechargeRecord record(WalletFact f, Member m, Store s, boolean mask) {
        RechargeRecord r = new RechargeRecord();
        r.entryId = f.entryId;
        r.type = f.type;
        r.orderNo = f.reference;
        r.storeId = f.storeId;
        r.storeName = s == null ? null : s.label();
        r.memberId = f.memberId;
        if (m != null) {
            r.memberNo = m.memberNo;
            r.memberName = m.name;
            r.phone = mask ? Phones.mask(m.phone) : m.phone;
        }
        r.cardNo = f.cardNo;
        r.paidAmount = Money.of(f.principal);
        r.bonusAmount = Money.of(f.bonus);
        r.rechargeAmount = r.paidAmount.plus(r.bonusAmount);
        r.cardFee = f.cardFee == null ? null : Money.of(f.cardFee);
        r.method = f.method == null ? null : PaymentMethod.valueOf(f.method);
        r.operator = f.operator;
        r.at = BusinessTime.offset(f.at);
        return r;
    }
}
