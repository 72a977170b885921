package io.tessera.cards.internal;

import io.tessera.cards.api.Card;
import io.tessera.cards.api.CardImport;
import io.tessera.cards.api.CardMigration;
import io.tessera.cards.api.CardStatus;
import io.tessera.cards.api.CardType;
import io.tessera.cards.api.ImportReject;
import io.tessera.cards.api.MigrationStatus;
import io.tessera.cards.api.VoucherInfo;
import io.tessera.cards.internal.jpa.CardEntity;
import io.tessera.cards.internal.jpa.CardTypeEntity;
import io.tessera.cards.internal.jpa.ImportEntity;
import io.tessera.cards.internal.jpa.ImportRejectEntity;
import io.tessera.cards.internal.jpa.MigrationEntity;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.web.Endpoints;
import java.util.List;

/** Entity to DTO, in one place. */
final class Dtos {

    private Dtos() {
    }

    static CardType type(CardTypeEntity e) {
        CardType t = new CardType();
        t.id = e.id;
        t.code = e.code;
        t.name = e.name;
        t.createdAt = BusinessTime.offset(e.createdAt);
        return t;
    }

    static Card card(CardEntity e, CardTypeEntity type, String storeLabel) {
        Card c = new Card();
        c.cardNo = e.cardNo;
        c.typeCode = type == null ? null : type.code;
        c.typeName = type == null ? null : type.name;
        c.storeId = e.storeId;
        c.storeLabel = storeLabel;
        c.balance = Money.of(e.balance);
        c.status = CardStatus.valueOf(e.status);
        c.migrationStatus = MigrationStatus.valueOf(e.migrationStatus);
        c.importId = e.importId;
        c.importLine = e.importLine;
        c.updatedAt = BusinessTime.offset(e.updatedAt);
        return c;
    }

    static CardImport importOf(ImportEntity e) {
        CardImport i = new CardImport();
        i.id = e.id;
        i.fileName = e.fileName;
        i.format = e.format;
        i.charset = e.charset;
        i.sha256 = e.sha256;
        i.sizeBytes = e.sizeBytes;
        i.status = CardImport.Status.valueOf(e.status);
        i.jobId = e.jobId;
        i.read = e.read;
        i.inserted = e.inserted;
        i.updated = e.updated;
        i.unchanged = e.unchanged;
        i.accepted = e.inserted + e.updated + e.unchanged;
        i.rejected = e.rejected;
        i.message = e.message;
        i.createdBy = e.createdBy;
        i.createdAt = BusinessTime.offset(e.createdAt);
        i.finishedAt = e.finishedAt == null ? null : BusinessTime.offset(e.finishedAt);
        return i;
    }

    static ImportReject reject(ImportRejectEntity e) {
        ImportReject r = new ImportReject();
        r.line = e.line;
        r.cardNo = e.cardNo;
        r.code = e.code;
        r.reason = e.reason;
        return r;
    }

    static CardMigration migration(MigrationEntity e, List<VoucherInfo> vouchers) {
        CardMigration m = new CardMigration();
        m.id = e.id;
        m.cardNo = e.cardNo;
        m.memberId = e.memberId;
        m.memberNo = e.memberNo;
        m.maskedPhone = e.maskedPhone;
        m.amount = Money.of(e.amount);
        m.storeId = e.storeId;
        m.accountId = e.accountId;
        m.journalEntryId = e.journalEntryId;
        m.remark = e.remark;
        m.vouchers = vouchers;
        m.operatorEmployeeNo = e.operatorEmployeeNo;
        m.operatorName = e.operatorName;
        m.migratedAt = BusinessTime.offset(e.migratedAt);
        return m;
    }

    static VoucherInfo voucher(String cardNo, int seq, String fileName, String contentType, long size, String sha256) {
        VoucherInfo v = new VoucherInfo();
        v.index = seq;
        v.fileName = fileName;
        v.contentType = contentType;
        v.sizeBytes = size;
        v.sha256 = sha256;
        v.url = Endpoints.REST_BASE + "/cards/" + cardNo + "/migration/vouchers/" + seq;
        return v;
    }
}
