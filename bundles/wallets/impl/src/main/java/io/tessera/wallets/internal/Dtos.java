package io.tessera.wallets.internal;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Money;
import io.tessera.wallets.api.Account;
import io.tessera.wallets.api.EntryType;
import io.tessera.wallets.api.Hold;
import io.tessera.wallets.internal.jpa.HoldEntity;
import io.tessera.wallets.api.JournalEntry;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.wallets.internal.jpa.AccountEntity;
import io.tessera.wallets.internal.jpa.JournalEntity;
import java.math.BigDecimal;

/** Entities to API objects. */
final class Dtos {

    private Dtos() {
    }

    static Account account(AccountEntity e) {
        Account a = new Account();
        a.id = e.id;
        a.memberId = e.memberId;
        a.memberNo = e.memberNo;
        a.scopeStoreId = e.scopeStoreId == AccountEntity.CHAIN ? null : e.scopeStoreId;
        a.principal = Money.of(e.principal);
        a.bonus = Money.of(e.bonus);
        a.total = a.principal.plus(a.bonus);
        a.held = Money.ofFen(Postings.heldFen(e));
        a.available = a.total.minus(a.held);
        a.status = Account.Status.valueOf(e.status);
        a.openedAt = BusinessTime.offset(e.openedAt);
        return a;
    }

    static JournalEntry entry(JournalEntity e) {
        JournalEntry j = new JournalEntry();
        j.id = e.id;
        j.accountId = e.accountId;
        j.accountSeq = e.accountSeq;
        j.memberId = e.memberId;
        j.type = EntryType.valueOf(e.type);
        j.principalDelta = Money.of(e.principalDelta);
        j.bonusDelta = Money.of(e.bonusDelta);
        j.principalAfter = Money.of(e.principalAfter);
        j.bonusAfter = Money.of(e.bonusAfter);
        j.storeId = e.storeId;
        j.operator = e.operator;
        j.method = e.method == null ? null : PaymentMethod.valueOf(e.method);
        j.reference = e.reference;
        j.cardNo = e.cardNo;
        j.relatedEntryId = e.relatedEntryId;
        j.originalAmount = money(e.originalAmount);
        j.cardFee = money(e.cardFee);
        j.remark = e.remark;
        j.createdAt = BusinessTime.offset(e.createdAt);
        return j;
    }

    static Hold hold(HoldEntity e) {
        Hold h = new Hold();
        h.id = e.id;
        h.accountId = e.accountId;
        h.memberId = e.memberId;
        h.storeId = e.storeId;
        h.amount = Money.of(e.amount);
        h.captured = money(e.captured);
        h.reference = e.reference;
        h.status = Hold.Status.valueOf(e.status);
        h.captureEntryId = e.captureEntryId;
        h.createdAt = BusinessTime.offset(e.createdAt);
        h.expiresAt = BusinessTime.offset(e.expiresAt);
        h.closedAt = e.closedAt == null ? null : BusinessTime.offset(e.closedAt);
        return h;
    }

    private static Money money(BigDecimal v) {
        return v == null ? null : Money.of(v);
    }
}
