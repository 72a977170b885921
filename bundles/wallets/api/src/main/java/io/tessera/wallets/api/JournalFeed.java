package io.tessera.wallets.api;

import java.util.List;

/**
 * Every journal row of every account, in the order they were written: what a read model kept from the wallets'
 * events (reporting) is rebuilt from. For callers that see every store (headquarters, system); a cursor (the
 * last row's id), never a page number.
 */
public interface JournalFeed {

    /** The most rows one call answers. */
    int MAX = 1000;

    /** Up to {@code limit} (1 to {@link #MAX}) rows with an id above {@code afterId} (0: from the first), by id. */
    List<JournalEntry> next(long afterId, int limit);
}
