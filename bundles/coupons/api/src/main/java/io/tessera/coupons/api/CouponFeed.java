package io.tessera.coupons.api;

import io.tessera.platform.api.Money;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Every coupon issued and every redemption on a paid order, each in the order it was written: what a read model kept
 * from the coupons' events (reporting's coupon statistics) is rebuilt from. For callers that see every store; a cursor
 * (the last item's id), never a page number.
 */
public interface CouponFeed {

    /** The most items one call answers. */
    int MAX = 1000;

    /** Up to {@code limit} (1 to {@link #MAX}) coupons with an id above {@code afterId} (0: from the first), by id: each once, as {@link CouponEvents#CLAIMED} told it. */
    List<Issued> issued(long afterId, int limit);

    /**
     * Up to {@code limit} (1 to {@link #MAX}) redemptions with an id above {@code afterId}, by id: those used on a paid order
     * ({@link CouponEvents#REDEEMED}), with when a refund gave the coupon back ({@link CouponEvents#RETURNED}) if it did.
     */
    List<Redeemed> redemptions(long afterId, int limit);

    /** A coupon issued: claimed, sent, exchanged for points or given by an activity. */
    class Issued {
        public long id;
        public String couponNo;
        public long templateId;
        /** The store it was claimed in (null: none, e.g. a mini-program claim or a send). */
        public Long storeId;
        public String issueType;
        public OffsetDateTime claimedAt;
    }

    /** A coupon used on a paid order. */
    class Redeemed {
        public long id;
        public String couponNo;
        public long templateId;
        public String orderNo;
        public long storeId;
        public long memberId;
        public Money discount;
        public OffsetDateTime usedAt;
        /** When a refund gave it back; null if it did not. */
        public OffsetDateTime returnedAt;
    }
}
