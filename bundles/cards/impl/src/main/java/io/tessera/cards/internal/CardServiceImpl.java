package io.tessera.cards.internal;

import io.tessera.platform.api.PlatformErrors;
import io.tessera.org.api.OrgErrors;
import io.tessera.members.api.MemberErrors;
import io.tessera.cards.api.CardErrors;
import io.tessera.cards.api.Card;
import io.tessera.cards.api.CardMigration;
import io.tessera.cards.api.CardPage;
import io.tessera.cards.api.CardQuery;
import io.tessera.cards.api.CardService;
import io.tessera.cards.api.CardStatus;
import io.tessera.cards.api.CardVoucher;
import io.tessera.cards.api.MigrationPreview;
import io.tessera.cards.api.MigrationRequests;
import io.tessera.cards.api.MigrationStatus;
import io.tessera.cards.api.VoucherInfo;
import io.tessera.cards.internal.imports.CardRowRules;
import io.tessera.cards.internal.jpa.CardEntity;
import io.tessera.cards.internal.jpa.CardTypeEntity;
import io.tessera.cards.internal.jpa.MigrationEntity;
import io.tessera.cards.internal.jpa.VoucherEntity;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.Like;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.codes.SmsTexts;
import io.tessera.platform.api.Phones;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.platform.api.codes.VerificationCodeService;
import io.tessera.platform.api.work.UnitOfWork;
import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.jobs.JobService;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.wallets.api.JournalEntry;
import io.tessera.wallets.api.Movement;
import io.tessera.wallets.api.WalletParticipant;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Card query and migration. A migration checks everything it can before its transaction (card,
 * member, vouchers, and the member's code, so that a wrong code counts as a try), then, in one
 * transaction: consumes the code, locks the card, credits the member's stored value (wallets joins
 * the transaction), records the migration with its vouchers and voids the card.
 */
@Component(service = CardService.class)
public class CardServiceImpl implements CardService {

    static final String MIGRATE_SCOPE = "cards.migrate";

    private final JpaTemplate jpa;

    private final OrgService org;

    private final MemberService members;

    private final WalletParticipant wallets;

    private final VerificationCodeService codes;

    private final UnitOfWork work;

    private final AuditService audit;

    private final JobService jobs;

    private final VoidListExport voidList;

    @Activate
    public CardServiceImpl(@Reference(target = "(osgi.unit.name=tessera-cards)") JpaTemplate jpa,
            @Reference OrgService org,
            @Reference MemberService members,
            @Reference WalletParticipant wallets,
            @Reference VerificationCodeService codes,
            @Reference UnitOfWork work,
            @Reference AuditService audit,
            @Reference JobService jobs) {
        this.jpa = jpa;
        this.org = org;
        this.members = members;
        this.wallets = wallets;
        this.codes = codes;
        this.work = work;
        this.audit = audit;
        this.jobs = jobs;
        this.voidList = new VoidListExport(jpa, org);
    }

    // ---- query

    @Override
    public CardPage query(CardQuery query) {
        Caller caller = CallerContext.current();
        CardQuery q = query == null ? new CardQuery() : query;
        Page.check(q.page, q.size);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q.storeId != null) {
            caller.requireStore(q.storeId);
            where.append(" AND c.storeId = :store");
            params.put("store", q.storeId);
        } else if (!caller.seesAllStores()) {
            where.append(" AND c.storeId IN :stores");
            params.put("stores", caller.getStoreIds().isEmpty() ? List.of(-1L) : new ArrayList<>(caller.getStoreIds()));
        }
        if (q.cardNo != null && !q.cardNo.isBlank()) {
            where.append(" AND c.cardNo = :no");
            params.put("no", cardNo("cardNo", q.cardNo));
        }
        if (q.cardNoPrefix != null && !q.cardNoPrefix.isBlank()) {
            where.append(" AND c.cardNo LIKE :prefix" + Like.ESCAPE);
            params.put("prefix", Like.prefix(cardNo("cardNoPrefix", q.cardNoPrefix)));
        }
        if (q.minBalance != null && q.maxBalance != null && q.minBalance.compareTo(q.maxBalance) > 0) {
            throw PlatformErrors.RANGE_INVALID.at("minBalance", "minBalance is above maxBalance");
        }
        if (q.minBalance != null) {
            where.append(" AND c.balance >= :min");
            params.put("min", q.minBalance.toBigDecimal());
        }
        if (q.maxBalance != null) {
            where.append(" AND c.balance <= :max");
            params.put("max", q.maxBalance.toBigDecimal());
        }
        if (q.status != null) {
            where.append(" AND c.status = :status");
            params.put("status", q.status.name());
        }
        if (q.migrationStatus != null) {
            where.append(" AND c.migrationStatus = :migration");
            params.put("migration", q.migrationStatus.name());
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<Long, CardTypeEntity> types = types(em);
            if (q.typeCode != null && !q.typeCode.isBlank()) {
                String code = q.typeCode.trim();
                CardTypeEntity type = types.values().stream().filter(t -> t.code.equalsIgnoreCase(code)).findFirst()
                        .orElseThrow(() -> CardErrors.CARD_TYPE_UNKNOWN.at("typeCode", "no card type " + code));
                where.append(" AND c.typeId = :type");
                params.put("type", type.id);
            }
            Object[] totals = bind(em.createQuery("SELECT COUNT(c), SUM(c.balance) FROM CardEntity c" + where, Object[].class),
                    params).getSingleResult();
            List<CardEntity> rows = bind(em.createQuery("SELECT c FROM CardEntity c" + where + " ORDER BY c.storeId, c.cardNo",
                    CardEntity.class), params).setFirstResult(Page.offset(q.page, q.size)).setMaxResults(q.size).getResultList();
            Map<Long, String> labels = new HashMap<>();
            CardPage page = new CardPage();
            page.items = rows.stream().map(c -> Dtos.card(c, types.get(c.typeId), label(labels, c.storeId)))
                    .collect(Collectors.toList());
            page.page = q.page;
            page.size = q.size;
            page.total = ((Number) totals[0]).longValue();
            page.totalBalance = totals[1] == null ? Money.ZERO : Money.of((BigDecimal) totals[1]);
            return page;
        });
    }

    @Override
    public Card get(String cardNo) {
        Caller caller = CallerContext.current();
        String no = cardNo("cardNo", cardNo);
        return jpa.txExpr(TransactionType.Supports, em -> {
            CardEntity c = visibleCard(em, caller, no);
            Card card = Dtos.card(c, types(em).get(c.typeId), label(new HashMap<>(), c.storeId));
            if (MigrationStatus.MIGRATED.name().equals(c.migrationStatus)) {
                card.migration = migrationOf(em, no).orElse(null);
            }
            return card;
        });
    }

    // ---- migration

    @Override
    public MigrationPreview requestCode(String cardNo, MigrationRequests.Code request) {
        Caller caller = CallerContext.current();
        Checks.required("body", request);
        Card card = migratable(caller, cardNo);
        Member member = member(request.phone, request.memberNo);
        codes.issue(purpose(card.cardNo), member.phone, true,
                SmsTexts.CARD_MIGRATION.text("card", tail(card.cardNo), "balance", card.balance.toString()));
        MigrationPreview p = new MigrationPreview();
        p.card = card;
        p.memberId = member.id;
        p.memberNo = member.memberNo;
        p.memberName = member.name;
        p.maskedPhone = Phones.mask(member.phone);
        p.codeValidMinutes = 10;
        return p;
    }

    @Override
    public CardMigration migrate(String cardNo, MigrationRequests.Migrate request, String key) {
        Caller caller = CallerContext.current();
        UnitOfWork.requireKey(key);
        Checks.required("body", request);
        String no = cardNo("cardNo", cardNo);
        Map<String, Object> fingerprint = new LinkedHashMap<>();
        fingerprint.put("cardNo", no);
        fingerprint.put("request", request);
        Optional<CardMigration> earlier = work.earlier(MIGRATE_SCOPE, key, fingerprint, CardMigration.class);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String code = Checks.text("code", request.code, 10);
        String remark = Checks.optionalText("remark", request.remark, 500);
        List<VoucherRules.Checked> vouchers = VoucherRules.check(request.vouchers);
        Card card = migratable(caller, no);
        Member member = member(request.phone, request.memberNo);
        String purpose = purpose(no);
        codes.check(purpose, member.phone, code);
        return work.run(MIGRATE_SCOPE, key, fingerprint, CardMigration.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            codes.verify(purpose, member.phone, code);
            CardEntity c = em.find(CardEntity.class, no);
            em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
            checkMigratable(c);
            Card before = Dtos.card(c, null, null);
            LocalDateTime now = BusinessTime.now();
            Movement credit = new Movement(member.id, c.storeId, Money.of(c.balance), "card:" + no);
            credit.cardNo = no;
            credit.remark = remark;
            JournalEntry posted = wallets.creditMigration(credit);
            MigrationEntity m = new MigrationEntity();
            m.cardNo = no;
            m.memberId = member.id;
            m.memberNo = member.memberNo;
            m.maskedPhone = Phones.mask(member.phone);
            m.amount = c.balance;
            m.storeId = c.storeId;
            m.accountId = posted.accountId;
            m.journalEntryId = posted.id;
            m.remark = remark;
            m.voucherCount = vouchers.size();
            m.operatorKind = caller.getKind().name();
            m.operatorId = caller.getId();
            m.operatorEmployeeNo = caller.getEmployeeNo() != null ? caller.getEmployeeNo() : caller.label();
            m.operatorName = caller.getName();
            m.businessDate = now.toLocalDate();
            m.migratedAt = now;
            em.persist(m);
            em.flush();
            List<VoucherInfo> infos = new ArrayList<>();
            for (int i = 0; i < vouchers.size(); i++) {
                VoucherRules.Checked v = vouchers.get(i);
                VoucherEntity e = new VoucherEntity();
                e.migrationId = m.id;
                e.seq = i + 1;
                e.fileName = v.fileName();
                e.contentType = v.contentType();
                e.sizeBytes = v.content().length;
                e.sha256 = sha256(v.content());
                e.content = v.content();
                em.persist(e);
                infos.add(Dtos.voucher(no, e.seq, e.fileName, e.contentType, e.sizeBytes, e.sha256));
            }
            c.migrationStatus = MigrationStatus.MIGRATED.name();
            c.status = CardStatus.VOID.name();
            c.updatedAt = now;
            em.flush();
            CardMigration result = Dtos.migration(m, infos);
            audit.record("cards.migrate", "Card", no, c.storeId, before, result);
            return result;
        }));
    }

    @Override
    public CardMigration migration(String cardNo) {
        Caller caller = CallerContext.current();
        String no = cardNo("cardNo", cardNo);
        return jpa.txExpr(TransactionType.Supports, em -> {
            visibleCard(em, caller, no);
            return migrationOf(em, no).orElseThrow(() -> CardErrors.MIGRATION_NOT_FOUND.error("card " + no + " has not been migrated"));
        });
    }

    @Override
    public CardVoucher voucher(String cardNo, int index) {
        Caller caller = CallerContext.current();
        String no = cardNo("cardNo", cardNo);
        return jpa.txExpr(TransactionType.Supports, em -> {
            visibleCard(em, caller, no);
            List<VoucherEntity> found = em.createQuery("SELECT v FROM VoucherEntity v, MigrationEntity m "
                            + "WHERE v.migrationId = m.id AND m.cardNo = :no AND v.seq = :seq", VoucherEntity.class)
                    .setParameter("no", no).setParameter("seq", index).getResultList();
            if (found.isEmpty()) {
                throw CardErrors.VOUCHER_NOT_FOUND.error("card " + no + " has no voucher " + index);
            }
            VoucherEntity v = found.get(0);
            CardVoucher out = new CardVoucher();
            out.info = Dtos.voucher(no, v.seq, v.fileName, v.contentType, v.sizeBytes, v.sha256);
            out.content = v.content;
            return out;
        });
    }

    @Override
    public Job exportVoidList(Long storeId, LocalDate from, LocalDate to) {
        Caller caller = CallerContext.current();
        caller.requireAnyRole(Role.HQ_ADMIN, Role.FINANCE);
        if (storeId != null && org.findStore(storeId).isEmpty()) {
            throw OrgErrors.STORE_NOT_FOUND.at("storeId", "no store " + storeId);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw PlatformErrors.RANGE_INVALID.at("from", "from is after to");
        }
        String what = "Migrated cards to void in the legacy CRM" + (storeId == null ? "" : ", store " + storeId)
                + (from == null ? "" : ", from " + from) + (to == null ? "" : ", to " + to);
        return jobs.submit(VoidListExport.JOB_TYPE, what, null, progress -> voidList.write(storeId, from, to, progress));
    }

    // ---- helpers

    /** The card if the caller may act on it and it can be migrated, else the error that says why not. */
    private Card migratable(Caller caller, String cardNo) {
        String no = cardNo("cardNo", cardNo);
        return jpa.txExpr(TransactionType.Supports, em -> {
            CardEntity c = visibleCard(em, caller, no);
            checkMigratable(c);
            return Dtos.card(c, types(em).get(c.typeId), label(new HashMap<>(), c.storeId));
        });
    }

    private static void checkMigratable(CardEntity c) {
        if (MigrationStatus.MIGRATED.name().equals(c.migrationStatus)) {
            throw CardErrors.CARD_ALREADY_MIGRATED.at("cardNo", "card " + c.cardNo + " has already been migrated");
        }
        CardStatus status = CardStatus.valueOf(c.status);
        if (status == CardStatus.FROZEN) {
            throw CardErrors.CARD_FROZEN.at("cardNo", "card " + c.cardNo + " is frozen in the legacy CRM: release it there first");
        }
        if (status == CardStatus.VOID) {
            throw CardErrors.CARD_VOID.at("cardNo", "card " + c.cardNo + " is void: nothing to migrate");
        }
        if (c.balance.signum() <= 0) {
            throw CardErrors.CARD_EMPTY.at("cardNo", "card " + c.cardNo + " holds no balance: nothing to migrate");
        }
    }

    private Member member(String phone, String memberNo) {
        boolean byPhone = phone != null && !phone.isBlank();
        Optional<Member> found = members.lookup(phone, memberNo);
        if (found.isEmpty()) {
            if (byPhone) {
                throw MemberErrors.MEMBER_NOT_REGISTERED.error("no member has phone " + Phones.mask(phone.trim())
                        + ": register them on their behalf (POST " + Endpoints.REST_BASE + "/members), then continue the migration");
            }
            throw MemberErrors.MEMBER_NOT_FOUND.at("memberNo", "no member " + memberNo.trim());
        }
        Member m = found.get();
        if (m.status != Member.Status.ACTIVE) {
            throw MemberErrors.MEMBER_RETURNED.at(byPhone ? "phone" : "memberNo", "the member's card was returned");
        }
        return m;
    }

    private static CardEntity visibleCard(EntityManager em, Caller caller, String no) {
        CardEntity c = em.find(CardEntity.class, no);
        if (c == null || !caller.canAccessStore(c.storeId)) {
            throw CardErrors.CARD_NOT_FOUND.at("cardNo", "no card " + no + " in your stores");
        }
        return c;
    }

    private static Optional<CardMigration> migrationOf(EntityManager em, String no) {
        return em.createQuery("SELECT m FROM MigrationEntity m WHERE m.cardNo = :no", MigrationEntity.class)
                .setParameter("no", no).getResultList().stream().findFirst().map(m -> {
                    List<VoucherInfo> vouchers = em.createQuery("SELECT v.seq, v.fileName, v.contentType, v.sizeBytes, v.sha256 "
                                    + "FROM VoucherEntity v WHERE v.migrationId = :m ORDER BY v.seq", Object[].class)
                            .setParameter("m", m.id).getResultList().stream()
                            .map(r -> Dtos.voucher(no, ((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                                    ((Number) r[3]).longValue(), (String) r[4]))
                            .collect(Collectors.toList());
                    return Dtos.migration(m, vouchers);
                });
    }

    static Map<Long, CardTypeEntity> types(EntityManager em) {
        return em.createQuery("SELECT t FROM CardTypeEntity t", CardTypeEntity.class).getResultList().stream()
                .collect(Collectors.toMap(t -> t.id, t -> t));
    }

    private String label(Map<Long, String> cache, long storeId) {
        return cache.computeIfAbsent(storeId, id -> org.findStore(id).map(Store::label).orElse(null));
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> q, Map<String, Object> params) {
        params.forEach(q::setParameter);
        return q;
    }

    static String cardNo(String field, String value) {
        String v = Checks.required(field, value).trim();
        if (!CardRowRules.CARD_NO.matcher(v).matches()) {
            throw CardErrors.CARD_NO_INVALID.at(field, field + " may hold only letters, digits and '-', at most 64");
        }
        return v;
    }

    /** The code confirms this card's migration only (the card no hashed to fit the purpose column). */
    private static String purpose(String cardNo) {
        return "card:" + sha256(cardNo.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 24);
    }

    private static String tail(String cardNo) {
        return cardNo.length() <= 4 ? cardNo : cardNo.substring(cardNo.length() - 4);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
