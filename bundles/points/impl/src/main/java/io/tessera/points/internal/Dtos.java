package io.tessera.points.internal;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Money;
import io.tessera.points.api.EarningOutcome;
import io.tessera.points.api.EntryType;
import io.tessera.points.api.Earning;
import io.tessera.points.api.LotSource;
import io.tessera.points.api.LotStatus;
import io.tessera.points.api.PointsAccount;
import io.tessera.points.api.PointsEntry;
import io.tessera.points.api.PointsLot;
import io.tessera.points.internal.jpa.AccountEntity;
import io.tessera.points.internal.jpa.EarningEntity;
import io.tessera.points.internal.jpa.JournalEntity;
import io.tessera.points.internal.jpa.LotEntity;
import io.tessera.points.internal.jpa.LotMoveEntity;
import io.tessera.points.internal.rules.Expiry;
import java.util.List;

/** Entities as the API shows them. */
final class Dtos {

    private Dtos() {
    }

    static PointsEntry entry(JournalEntity j, List<LotMoveEntity> moves) {
        PointsEntry e = new PointsEntry();
        e.id = j.id;
        e.accountId = j.accountId;
        e.accountSeq = j.accountSeq;
        e.memberId = j.memberId;
        e.type = EntryType.valueOf(j.type);
        e.availableDelta = j.availableDelta;
        e.pendingDelta = j.pendingDelta;
        e.availableAfter = j.availableAfter;
        e.pendingAfter = j.pendingAfter;
        e.storeId = j.storeId;
        e.businessDate = j.businessDate;
        e.reference = j.reference;
        e.operator = j.operator;
        e.remark = j.remark;
        e.createdAt = BusinessTime.offset(j.createdAt);
        e.lots = moves.stream().map(m -> {
            PointsEntry.Move move = new PointsEntry.Move();
            move.lotId = m.lotId;
            move.delta = m.delta;
            return move;
        }).toList();
        return e;
    }

    static PointsAccount account(AccountEntity a, long debt, LotEntity next) {
        PointsAccount p = new PointsAccount();
        p.id = a.id;
        p.memberId = a.memberId;
        p.scopeStoreId = a.scopeStoreId;
        p.available = a.available;
        p.pending = a.pending;
        p.debt = debt;
        if (next != null) {
            p.expiringNext = next.remaining;
            p.expiringNextLastDay = Expiry.lastDay(next.expiresAt);
        }
        p.entryCount = a.entryCount;
        p.openedAt = BusinessTime.offset(a.openedAt);
        return p;
    }

    static PointsLot lot(LotEntity l) {
        PointsLot p = new PointsLot();
        p.id = l.id;
        p.accountId = l.accountId;
        p.source = LotSource.valueOf(l.source);
        p.sourceRef = l.sourceRef;
        p.storeId = l.storeId;
        p.earned = l.earned;
        p.remaining = l.remaining;
        p.expired = l.expired;
        p.status = LotStatus.valueOf(l.status);
        p.earnedAt = BusinessTime.offset(l.earnedAt);
        p.availableFrom = BusinessTime.offset(l.availableFrom);
        p.expiresAt = Expiry.never(l.expiresAt) ? null : BusinessTime.offset(l.expiresAt);
        return p;
    }

    static Earning earning(EarningEntity e) {
        Earning r = new Earning();
        r.id = e.id;
        r.sourceType = e.sourceType;
        r.sourceRef = e.sourceRef;
        r.memberId = e.memberId;
        r.orderNo = e.orderNo;
        r.storeId = e.storeId;
        r.ruleId = e.ruleId;
        r.ruleName = e.ruleName;
        r.base = Money.of(e.base);
        r.multiplier = e.multiplier;
        r.computed = e.computed;
        r.points = e.points;
        r.outcome = EarningOutcome.valueOf(e.outcome);
        r.explanation = e.explanation;
        r.lotId = e.lotId;
        r.takenBack = e.takenBack;
        r.createdAt = BusinessTime.offset(e.createdAt);
        return r;
    }
}
