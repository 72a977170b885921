package io.tessera.points.api;

import io.tessera.platform.api.Page;
import java.util.List;

/**
 * A member's points: accounts, journal, lots, what orders earned, and headquarters' adjustments. Store
 * operators see the points of members registered at their stores and of accounts that moved in them.
 */
public interface PointsService {

    /** The member's accounts (one in chain mode; none before the first points). */
    List<PointsAccount> accounts(long memberId);

    /** The member's journal, newest first. */
    Page<PointsEntry> journal(long memberId, int page, int size);

    /** The member's lots, those expiring first first; status null: all. */
    Page<PointsLot> lots(long memberId, LotStatus status, int page, int size);

    /** What an order earned, or a member's earnings (newest first): one of the two is given. */
    Page<Earning> earnings(String orderNo, Long memberId, int page, int size);

    /** The books checked against themselves (headquarters). */
    PointsCheck check();

    /** Headquarters' correction, once per idempotency key. */
    PointsEntry adjust(Requests.Adjustment request, String idempotencyKey);
}
