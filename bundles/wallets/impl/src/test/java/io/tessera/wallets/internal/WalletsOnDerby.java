package io.tessera.wallets.internal;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgErrors;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Money;
import io.tessera.testing.LocalUnitOfWork;
import io.tessera.testing.RecordedEvents;
import io.tessera.testing.Stub;
import io.tessera.testing.UnitDatabase;
import io.tessera.wallets.api.Requests;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The wallets' services on a real database (embedded Derby, the wallets changelog), with the org and
 * members domains as stubs: two open stores of the chain, and active members.
 */
final class WalletsOnDerby implements AutoCloseable {

    static final long STORE = 101;
    static final long OTHER_STORE = 102;

    final UnitDatabase db = UnitDatabase.create("tessera-wallets");
    final LocalUnitOfWork work = new LocalUnitOfWork(db.jpa());
    final RecordedEvents events = new RecordedEvents(db.jpa());
    final WalletSettings settings = new WalletSettings();
    final WalletParticipantImpl participant;
    final WalletServiceImpl service;

    WalletsOnDerby() {
        settings.configure(defaults(WalletSettings.Config.class));
        OrgService org = Stub.of(OrgService.class).on("actingStore", a -> store((Long) a[0])).build();
        MemberService members = Stub.of(MemberService.class)
                .on("lookup", a -> a[0] instanceof Long id ? Optional.of(member(id)) : Optional.empty())
                .on("lookupAll", a -> ((java.util.Collection<?>) a[0]).stream().map(id -> member((Long) id))
                        .collect(java.util.stream.Collectors.toMap(m -> m.id, m -> m)))
                .build();
        participant = new WalletParticipantImpl(db.jpa(), org, members, settings, events, work);
        service = new WalletServiceImpl(db.jpa(), org, members, work, settings, events, participant);
        CallerContext.set(Caller.system("unit-test"));
    }

    private static Store store(Long id) {
        if (id == null || (id != STORE && id != OTHER_STORE)) {
            throw OrgErrors.STORE_NOT_FOUND.error("no store " + id);
        }
        Store s = new Store();
        s.id = id;
        s.code = String.valueOf(id);
        s.name = "门店" + id;
        s.formatCode = "PHARMACY";
        s.status = Store.Status.OPEN;
        return s;
    }

    private static Member member(long id) {
        Member m = new Member();
        m.id = id;
        m.memberNo = String.format("M%010d", id);
        m.name = "会员" + id;
        m.status = Member.Status.ACTIVE;
        m.registeredStoreId = STORE;
        // Members 900 and above are of a level with 12 % off.
        m.discountRate = id >= 900 ? new BigDecimal("0.88") : BigDecimal.ONE;
        return m;
    }

    /** An annotation instance answering every element's default, as Declarative Services would with no file. */
    static <A> A defaults(Class<A> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getDefaultValue()));
    }

    Money recharge(long member, String amount) {
        Requests.Recharge r = new Requests.Recharge();
        r.memberId = member;
        r.storeId = STORE;
        r.amount = Money.parse(amount);
        r.method = io.tessera.platform.api.PaymentMethod.CASH;
        return service.recharge(r, UUID.randomUUID().toString()).account.total;
    }

    long count(String sql) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Every account's principal and bonus equal the sums of its journal, and its last row says the same. */
    List<String> unbalanced() throws Exception {
        List<String> wrong = new java.util.ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT A.ID FROM WAL_ACCOUNT A WHERE A.PRINCIPAL <> (SELECT COALESCE(SUM(J.PRINCIPAL_DELTA), 0) FROM WAL_JOURNAL J "
                        + "WHERE J.ACCOUNT_ID = A.ID) OR A.BONUS <> (SELECT COALESCE(SUM(J.BONUS_DELTA), 0) FROM WAL_JOURNAL J WHERE "
                        + "J.ACCOUNT_ID = A.ID) OR A.HELD <> (SELECT COALESCE(SUM(H.AMOUNT), 0) FROM WAL_HOLD H WHERE H.ACCOUNT_ID = A.ID "
                        + "AND H.STATUS = 'HELD')")) {
            while (r.next()) {
                wrong.add("account " + r.getLong(1));
            }
        }
        return wrong;
    }

    @Override
    public void close() {
        CallerContext.clear();
        work.close();
        db.close();
    }
}
