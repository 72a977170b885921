package io.tessera.wallets.internal;

import io.tessera.platform.api.PlatformErrors;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PagedQuery;
import io.tessera.platform.api.TesseraException;
import io.tessera.wallets.api.Account;
import io.tessera.wallets.api.BalanceQuery;
import io.tessera.wallets.api.DailyLedgerRow;
import io.tessera.wallets.api.EntryType;
import io.tessera.wallets.api.GeneralLedger;
import io.tessera.wallets.api.JournalEntry;
import io.tessera.wallets.api.TransactionQuery;
import io.tessera.wallets.api.WalletQueryService;
import io.tessera.wallets.internal.jpa.AccountEntity;
import io.tessera.wallets.internal.jpa.JournalEntity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = WalletQueryService.class)
public class WalletQueryServiceImpl implements WalletQueryService {

    private final JpaTemplate jpa;

    private final MemberService members;

    private final OrgService org;

    @Activate
    public WalletQueryServiceImpl(@Reference(target = "(osgi.unit.name=tessera-wallets)") JpaTemplate jpa,
            @Reference MemberService members,
            @Reference OrgService org) {
        this.jpa = jpa;
        this.members = members;
        this.org = org;
    }

    @Override
    public Page<Account> balances(BalanceQuery q) {
        Caller caller = CallerContext.current();
        BalanceQuery query = q == null ? new BalanceQuery() : q;
        Page.check(query.page, query.size);
        PagedQuery select = PagedQuery.of("AccountEntity", "a");
        if (query.storeId != null) {
            caller.requireStore(query.storeId);
            select.where("a.scopeStoreId = :store", "store", query.storeId);
        }
        String scope = Visibility.accountCondition(caller);
        if (scope != null) {
            select.where(scope, "stores", Visibility.stores(caller));
        }
        if (query.phone != null && !query.phone.isBlank()) {
            Long memberId = memberIdByPhone(query.phone.trim());
            select.where("a.memberId = :member", "member", memberId == null ? -1L : memberId);
        }
        select.filter(query.memberNo, "a.memberNo = :no", "no")
                .filter(query.minBalance == null ? null : query.minBalance.toBigDecimal(), "a.principal + a.bonus >= :min", "min")
                .filter(query.maxBalance == null ? null : query.maxBalance.toBigDecimal(), "a.principal + a.bonus <= :max", "max");
        return jpa.txExpr(TransactionType.Supports, em -> withNames(select.page(em, AccountEntity.class, "a.id DESC", query.page, query.size)));
    }

    @Override
    public Page<JournalEntry> transactions(TransactionQuery q) {
        Caller caller = CallerContext.current();
        TransactionQuery query = q == null ? new TransactionQuery() : q;
        Page.check(query.page, query.size);
        PagedQuery select = PagedQuery.of("JournalEntity", "j");
        if (query.storeId != null) {
            caller.requireStore(query.storeId);
            select.where("j.storeId = :store", "store", query.storeId);
        }
        if (!caller.seesAllStores()) {
            // Rows in the caller's stores, and every row of members registered there.
            select.where("(j.storeId IN :stores OR EXISTS (SELECT a.id FROM AccountEntity a WHERE a.id = j.accountId "
                    + "AND a.memberStoreId IN :stores))", "stores", Visibility.stores(caller));
        }
        select.filter(query.memberId, "j.memberId = :member", "member")
                .filter(query.type == null ? null : query.type.name(), "j.type = :type", "type")
                .filter(query.cardNo, "j.cardNo = :card", "card")
                .filter(query.from, "j.businessDate >= :from", "from")
                .filter(query.to, "j.businessDate <= :to", "to");
        return jpa.txExpr(TransactionType.Supports, em -> select.page(em, JournalEntity.class,
                "j.createdAt DESC, j.accountSeq DESC, j.id DESC", query.page, query.size).map(Dtos::entry));
    }

    @Override
    public GeneralLedger generalLedger(Long storeId, String formatCode) {
        Caller caller = CallerContext.current();
        List<Long> stores = storesOf(caller, storeId, formatCode);
        return jpa.txExpr(TransactionType.Supports, em -> {
            GeneralLedger g = new GeneralLedger();
            g.storeId = storeId;
            g.formatCode = formatCode;
            g.totals = new ArrayList<>();
            List<Object[]> rows = em.createQuery("SELECT j.type, COUNT(j), SUM(j.principalDelta), SUM(j.bonusDelta) "
                            + "FROM JournalEntity j WHERE j.storeId IN :stores GROUP BY j.type", Object[].class)
                    .setParameter("stores", stores).getResultList();
            Money principal = Money.ZERO;
            Money bonus = Money.ZERO;
            for (Object[] r : rows) {
                GeneralLedger.TypeTotal t = new GeneralLedger.TypeTotal();
                t.type = EntryType.valueOf((String) r[0]);
                t.count = (Long) r[1];
                t.principal = Money.of((BigDecimal) r[2]);
                t.bonus = Money.of((BigDecimal) r[3]);
                g.totals.add(t);
                principal = principal.plus(t.principal);
                bonus = bonus.plus(t.bonus);
            }
            g.totals.sort((a, b) -> a.type.compareTo(b.type));
            g.effectivePrincipal = principal;
            g.effectiveBonus = bonus;
            g.effectiveTotal = principal.plus(bonus);
            return g;
        });
    }

    @Override
    public Page<Account> holders(long storeId, int page, int size) {
        Caller caller = CallerContext.current();
        caller.requireStore(storeId);
        PagedQuery select = PagedQuery.of("AccountEntity", "a").where("a.principal + a.bonus > 0 AND (a.scopeStoreId = :store "
                + "OR (a.scopeStoreId = 0 AND a.memberStoreId = :store))", "store", storeId);
        return jpa.txExpr(TransactionType.Supports, em -> withNames(select.page(em, AccountEntity.class, "a.id DESC", page, size)));
    }

    @Override
    public List<DailyLedgerRow> dailyLedger(long storeId, LocalDate from, LocalDate to) {
        Caller caller = CallerContext.current();
        caller.requireStore(storeId);
        if (from == null || to == null) {
            throw TesseraException.required(from == null ? "from" : "to");
        }
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 366) {
            throw PlatformErrors.DATE_RANGE_INVALID.at("to", "from must be on or before to, at most 366 days apart");
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            Object[] opening = em.createQuery("SELECT SUM(l.principalIn - l.principalOut), SUM(l.bonusIn - l.bonusOut) "
                            + "FROM DailyLedgerEntity l WHERE l.storeId = :s AND l.businessDate < :from", Object[].class)
                    .setParameter("s", storeId).setParameter("from", from).getSingleResult();
            Money principal = opening[0] == null ? Money.ZERO : Money.of((BigDecimal) opening[0]);
            Money bonus = opening[1] == null ? Money.ZERO : Money.of((BigDecimal) opening[1]);
            // A day's slots summed: [date, principal in, principal out, bonus in, bonus out].
            Map<LocalDate, Object[]> days = em.createQuery("SELECT l.businessDate, SUM(l.principalIn), SUM(l.principalOut), "
                            + "SUM(l.bonusIn), SUM(l.bonusOut) FROM DailyLedgerEntity l WHERE l.storeId = :s "
                            + "AND l.businessDate BETWEEN :from AND :to GROUP BY l.businessDate", Object[].class)
                    .setParameter("s", storeId).setParameter("from", from).setParameter("to", to).getResultList().stream()
                    .collect(Collectors.toMap(l -> (LocalDate) l[0], l -> l));
            List<DailyLedgerRow> out = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                Object[] l = days.get(d);
                DailyLedgerRow r = new DailyLedgerRow();
                r.storeId = storeId;
                r.date = d;
                r.principalOpening = principal;
                r.principalIn = l == null ? Money.ZERO : Money.of((BigDecimal) l[1]);
                r.principalOut = l == null ? Money.ZERO : Money.of((BigDecimal) l[2]);
                r.principalClosing = principal = principal.plus(r.principalIn).minus(r.principalOut);
                r.bonusOpening = bonus;
                r.bonusIn = l == null ? Money.ZERO : Money.of((BigDecimal) l[3]);
                r.bonusOut = l == null ? Money.ZERO : Money.of((BigDecimal) l[4]);
                r.bonusClosing = bonus = bonus.plus(r.bonusIn).minus(r.bonusOut);
                out.add(r);
            }
            return out;
        });
    }

    // ---- helpers

    private List<Long> storesOf(Caller caller, Long storeId, String formatCode) {
        if (storeId != null) {
            caller.requireStore(storeId);
            return List.of(storeId);
        }
        if (formatCode == null || formatCode.isBlank()) {
            throw TesseraException.required("storeId");
        }
        List<Long> stores = org.listStores(formatCode.trim()).stream().map(s -> s.id).collect(Collectors.toList());
        if (stores.isEmpty()) {
            stores.add(-1L);
        }
        return stores;
    }

    private Long memberIdByPhone(String phone) {
        try {
            return members.getByPhone(phone).id;
        } catch (TesseraException e) {
            return null;
        }
    }

    /** The accounts with their members' names, looked up together (one query, not one per row). */
    private Page<Account> withNames(Page<AccountEntity> rows) {
        Map<Long, Member> byId = members.lookupAll(rows.getItems().stream().map(e -> e.memberId).collect(Collectors.toList()));
        return rows.map(e -> {
            Account a = Dtos.account(e);
            Member m = byId.get(e.memberId);
            a.memberName = m == null ? null : m.name;
            return a;
        });
    }
}
