package io.tessera.cards.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static io.tessera.testing.Refusals.assertRefused;
import static org.junit.Assert.fail;

import io.tessera.cards.api.CardMigration;
import io.tessera.cards.api.MigrationRequests;
import io.tessera.cards.internal.jpa.CardEntity;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.platform.api.codes.VerificationCodeService;
import io.tessera.platform.api.jobs.JobService;
import io.tessera.testing.LocalUnitOfWork;
import io.tessera.testing.Stub;
import io.tessera.testing.UnitDatabase;
import io.tessera.wallets.api.EntryType;
import io.tessera.wallets.api.JournalEntry;
import io.tessera.wallets.api.Movement;
import io.tessera.wallets.api.WalletParticipant;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.After;
import org.junit.Test;

/**
 * Card migration on a real database (the cards changelog on embedded Derby): the card's balance is credited
 * once through the wallets' participant inside the migration's transaction, the card is voided, and a wrong
 * code or a failed credit leaves nothing behind. Wallets, members, org, codes and audit are stubs.
 */
public class CardMigrationTest {

    private static final String PHONE = "13900001111";
    private static final String CODE = "246810";

    private final UnitDatabase db = UnitDatabase.create("tessera-cards");
    private final LocalUnitOfWork work = new LocalUnitOfWork(db.jpa());
    private final List<Movement> credits = new ArrayList<>();
    private final List<String> audited = new ArrayList<>();
    private boolean creditFails;
    private final CardServiceImpl cards;

    public CardMigrationTest() {
        Store store = new Store();
        store.id = 3L;
        store.code = "103";
        store.name = "蓝色港湾健康中心";
        store.formatCode = "HEALTH_CENTER";
        store.status = Store.Status.OPEN;
        OrgService org = Stub.of(OrgService.class).on("findStore", a -> Optional.of(store)).build();
        Member member = new Member();
        member.id = 42L;
        member.memberNo = "M0000000042";
        member.phone = PHONE;
        member.name = "王女士";
        member.status = Member.Status.ACTIVE;
        MemberService members = Stub.of(MemberService.class)
                .on("lookup", a -> PHONE.equals(a[0]) ? Optional.of(member) : Optional.empty()).build();
        WalletParticipant wallets = Stub.of(WalletParticipant.class).on("creditMigration", a -> {
            assertTrue("the credit joins the migration's transaction", db.jpa().inTransaction());
            if (creditFails) {
                throw new IllegalStateException("the wallets' database refused the credit");
            }
            Movement m = (Movement) a[0];
            credits.add(m);
            JournalEntry e = new JournalEntry();
            e.id = 1000L + credits.size();
            e.accountId = 7L;
            e.memberId = m.memberId;
            e.type = EntryType.MIGRATION_IN;
            e.principalDelta = m.amount;
            return e;
        }).build();
        VerificationCodeService codes = Stub.of(VerificationCodeService.class)
                .on("check", a -> checkCode(a))
                .on("verify", a -> checkCode(a)).build();
        AuditService audit = Stub.of(AuditService.class).on("record", a -> audited.add(a[0] + " " + a[2])).build();
        cards = new CardServiceImpl(db.jpa(), org, members, wallets, codes, work, audit, Stub.of(JobService.class).build());
        CallerContext.set(Caller.system("unit-test"));
        db.jpa().tx(TransactionType.Required, em -> {
            em.persist(CardTypes.storedValue());
            em.persist(card("C100001", "1234.50"));
        });
    }

    private static Object checkCode(Object[] a) {
        if (!CODE.equals(a[2])) {
            throw PlatformErrors.CODE_INVALID.at("code", "wrong code");
        }
        return null;
    }

    private static CardEntity card(String no, String balance) {
        CardEntity c = new CardEntity();
        c.cardNo = no;
        c.typeId = 1;
        c.storeId = 3;
        c.balance = new BigDecimal(balance);
        c.status = "ACTIVE";
        c.migrationStatus = "NOT_MIGRATED";
        c.importId = 1;
        c.importLine = 2;
        c.updatedAt = LocalDateTime.now();
        return c;
    }

    @After
    public void close() {
        CallerContext.clear();
        work.close();
        db.close();
    }

    private CardMigration migrate(String code) {
        MigrationRequests.Migrate r = new MigrationRequests.Migrate();
        r.phone = PHONE;
        r.code = code;
        r.remark = "旧卡迁移";
        return cards.migrate("C100001", r, UUID.randomUUID().toString());
    }

    private CardEntity stored() {
        return db.jpa().txExpr(TransactionType.Supports, em -> em.find(CardEntity.class, "C100001"));
    }

    private long migrations() {
        return db.jpa().txExpr(TransactionType.Supports, em -> em.createQuery("SELECT COUNT(m) FROM MigrationEntity m", Long.class)
                .getSingleResult());
    }


    @Test
    public void theCardsBalanceIsCreditedOnceAndTheCardVoided() {
        CardMigration done = migrate(CODE);
        assertEquals(Money.parse("1234.50"), done.amount);
        assertEquals(1, credits.size());
        assertEquals(Money.parse("1234.50"), credits.get(0).amount);
        assertEquals("C100001", credits.get(0).cardNo);
        assertEquals(Long.valueOf(3), credits.get(0).storeId);
        assertEquals(Long.valueOf(1001), done.journalEntryId);
        assertEquals("VOID", stored().status);
        assertEquals("MIGRATED", stored().migrationStatus);
        assertEquals(List.of("cards.migrate C100001"), audited);
        assertRefused("CARD_ALREADY_MIGRATED", () -> migrate(CODE));
        assertEquals(1, credits.size());
        assertEquals(1, migrations());
    }

    @Test
    public void aWrongCodeOrAFailedCreditLeavesNothingBehind() {
        assertRefused("CODE_INVALID", () -> migrate("000000"));
        creditFails = true;
        try {
            migrate(CODE);
            fail("the credit failed");
        } catch (IllegalStateException expected) {
            // The migration and the card's change roll back with it.
        }
        assertEquals(0, migrations());
        assertEquals("ACTIVE", stored().status);
        assertEquals("NOT_MIGRATED", stored().migrationStatus);
        creditFails = false;
        migrate(CODE);
        assertEquals(1, migrations());
    }
}
